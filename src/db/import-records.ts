import { HouseholdSchema, type Household } from '../domain/household';
import { PersonSchema, type Person } from '../domain/person';
import type { ImportContext, ImportPlan } from '../import/import-plan';
import type { FieldbookDatabase } from './database';
import { enqueueRevision, outboxTables } from './outbox';
import { savePerson } from './people';

export interface ImportResult {
  added: number;
  updated: number;
  householdsWritten: number;
}

/** What the planner needs to match rows with the phone's records. */
export async function loadImportContext(db: FieldbookDatabase): Promise<ImportContext> {
  return db.transaction('r', [db.people, db.households], async () => ({ people: await db.people.toArray(), households: await db.households.toArray() }));
}

/**
 * Writes an accepted import plan: every household and person with its outbox revision, in ONE
 * transaction, so an import either lands whole or not at all. People are looked up again by
 * 身份证号 inside the transaction (a sync may have brought them since the plan was made), so
 * a person is updated, never stored twice. `onProgress` is called after each record.
 */
export async function importRecords(
  db: FieldbookDatabase,
  plan: Pick<ImportPlan, 'households' | 'people'>,
  { now = new Date(), onProgress }: { now?: Date; onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportResult> {
  const households = plan.households;
  const people = plan.people.filter((person) => person.status !== 'same');
  const total = households.filter((household) => household.changed).length + people.length;
  let done = 0;
  const step = () => onProgress?.(++done, total);
  return db.transaction('rw', [db.people, db.households, ...outboxTables(db)], async (tx) => {
    const timestamp = now.toISOString();
    const householdIds = new Map<string, string>();
    let householdsWritten = 0;
    for (const planned of households) {
      const known = planned.existingId ?? planned.newId;
      const existing = known ? await db.households.get(known) : undefined;
      const id = existing?.id ?? planned.newId ?? crypto.randomUUID();
      householdIds.set(planned.key, id);
      if (existing && !planned.changed) continue;
      const household: Household = HouseholdSchema.parse({ ...existing, ...planned.fields, id, createdAt: existing?.createdAt ?? timestamp, updatedAt: timestamp });
      await db.households.put(household);
      await enqueueRevision(tx, 'household', household);
      householdsWritten += 1;
      step();
    }
    let added = 0;
    let updated = 0;
    for (const [index, planned] of people.entries()) {
      const existing = (planned.existingId ? await db.people.get(planned.existingId) : undefined) ?? (await db.people.where('idNumber').equals(planned.idNumber).first());
      const householdId = householdIds.get(planned.householdKey);
      if (!householdId) throw new Error(`import plan: row ${planned.row} has no household ${planned.householdKey}`);
      const person: Person = PersonSchema.parse({
        ...existing,
        ...planned.fields,
        id: existing?.id ?? planned.newId ?? crypto.randomUUID(),
        householdId,
        // A millisecond apart, so members keep the file's order wherever records are listed as added.
        createdAt: existing?.createdAt ?? new Date(now.getTime() + index).toISOString(),
        updatedAt: timestamp,
      });
      // savePerson joins this transaction and keeps the derived 零就业家庭 / 未就业 dates as a form save does.
      await savePerson(db, person, now);
      if (existing) updated += 1;
      else added += 1;
      step();
    }
    return { added, updated, householdsWritten };
  });
}

/** A value the clerk set once and expects next time (the column mapping, the 填报人 line). */
export async function loadRemembered<T>(db: FieldbookDatabase, key: string, restore: (stored: unknown) => T): Promise<T> {
  return restore((await db.settings.get(key))?.value);
}

export async function saveRemembered(db: FieldbookDatabase, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
