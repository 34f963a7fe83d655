import type { FieldbookDatabase } from '../db/database';
import { saveHousehold } from '../db/households';
import { outboxTables } from '../db/outbox';
import { savePerson } from '../db/people';
import { HouseholdSchema } from '../domain/household';
import { PersonSchema } from '../domain/person';

/**
 * Settles 「有冲突」 with the version a person chose. The choice is saved as a new revision,
 * whose clock is past both versions, so every device ends on it.
 */
export async function resolveConflict(db: FieldbookDatabase, key: string, choice: 'ours' | 'theirs'): Promise<void> {
  await db.transaction('rw', [db.conflicts, db.people, db.households, ...outboxTables(db)], async () => {
    const conflict = await db.conflicts.get(key);
    if (!conflict) return;
    const chosen = choice === 'ours' ? conflict.ours : conflict.theirs.data;
    if (conflict.kind === 'person') {
      const local = await db.people.get(conflict.id);
      await savePerson(db, PersonSchema.parse(choice === 'ours' && local ? local : chosen));
    } else if (conflict.kind === 'household') {
      const { id, ...fields } = HouseholdSchema.parse(choice === 'ours' ? ((await db.households.get(conflict.id)) ?? chosen) : chosen);
      await saveHousehold(db, { ...fields, id });
    }
    await db.conflicts.delete(key);
  });
}

/** The fields on which two versions differ, bookkeeping left out. */
export function listDifferences(ours: Record<string, unknown>, theirs: Record<string, unknown>): { field: string; ours: unknown; theirs: unknown }[] {
  const ignored = new Set(['updatedAt', 'createdAt', 'notWorkingSince', 'zeroEmploymentSince']);
  const fields = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
  return [...fields]
    .filter((field) => !ignored.has(field) && JSON.stringify(ours[field] ?? null) !== JSON.stringify(theirs[field] ?? null))
    .map((field) => ({ field, ours: ours[field], theirs: theirs[field] }));
}
