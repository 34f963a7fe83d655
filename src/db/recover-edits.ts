import type { EditJournal } from '../platform/edit-journal';
import { PersonSchema } from '../domain/person';
import type { FieldbookDatabase } from './database';
import { savePerson } from './people';

/**
 * Replays edits the journal holds but IndexedDB may not (the page died mid-write). An entry
 * whose record is already stored with the same answers is simply cleared.
 */
export async function recoverJournaledEdits(db: FieldbookDatabase, journal: EditJournal): Promise<number> {
  let recovered = 0;
  for (const entry of journal.entries()) {
    const parsed = PersonSchema.safeParse(entry.record);
    if (!parsed.success) continue;
    const stored = await db.people.get(parsed.data.id);
    // Both went through PersonSchema, so their keys are in the same order.
    const answersOf = (person: typeof parsed.data) => JSON.stringify({ ...person, updatedAt: '' });
    if (!stored || answersOf(parsed.data) !== answersOf(stored)) {
      await savePerson(db, parsed.data);
      recovered += 1;
    }
    journal.clear(parsed.data.id, entry.version);
  }
  return recovered;
}
