import { describe, expect, it } from 'vitest';
import { aDatabase, aHousehold } from '../../tests/builders';
import { createEditJournal } from '../platform/edit-journal';
import { saveHousehold } from './households';
import { addMember, savePerson } from './people';
import { recoverJournaledEdits } from './recover-edits';

function aMemoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    key: (index: number) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}

describe('edit journal recovery', () => {
  it('stores the last answer of a page that died before IndexedDB had it', async () => {
    const db = aDatabase();
    const household = await saveHousehold(db, aHousehold());
    const person = await addMember(db, household.id);
    const storage = aMemoryStorage();
    // The page journaled the edit, then was killed before savePerson finished.
    createEditJournal(storage).write('person', { ...person, name: '张三丰', desiredTradeOther: '电商直播' });

    const journal = createEditJournal(storage);
    expect(await recoverJournaledEdits(db, journal)).toBe(1);
    expect(await db.people.get(person.id)).toMatchObject({ name: '张三丰', desiredTradeOther: '电商直播' });
    expect(await db.outbox.where('id').equals(person.id).count()).toBe(1);
    expect(journal.entries()).toEqual([]);
  });

  it('leaves a record alone when the journal holds what is already stored', async () => {
    const db = aDatabase();
    const household = await saveHousehold(db, aHousehold());
    const person = await savePerson(db, { ...(await addMember(db, household.id)), name: '李秀兰' });
    const storage = aMemoryStorage();
    createEditJournal(storage).write('person', { ...person, updatedAt: '2020-01-01T00:00:00.000Z' });
    expect(await recoverJournaledEdits(db, createEditJournal(storage))).toBe(0);
    expect((await db.people.get(person.id))?.updatedAt).toBe(person.updatedAt);
  });

  it('does not let an older save clear a newer journal entry', () => {
    const storage = aMemoryStorage();
    const journal = createEditJournal(storage);
    const first = journal.write('person', { id: 'p1', name: '张' });
    journal.write('person', { id: 'p1', name: '张三' });
    journal.clear('p1', first);
    expect(journal.entries().map((entry) => entry.record.name)).toEqual(['张三']);
  });
});
