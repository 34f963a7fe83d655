import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { aDatabase, aHousehold } from '../../tests/builders';
import { saveHousehold } from './households';
import { classifyStorageError } from './storage-errors';

describe('saveHousehold', () => {
  it('stores the household and its outbox revision together', async () => {
    const db = aDatabase();
    const household = await saveHousehold(db, aHousehold());
    expect(await db.households.get(household.id)).toEqual(household);
    const [revision] = await db.outbox.toArray();
    expect(revision).toMatchObject({ kind: 'household', id: household.id, state: 'pending', deleted: false, parent: null });
    expect(revision?.data).toMatchObject({ head: '梁秀英' });
  });

  it('updates the unsent revision instead of adding one per edit', async () => {
    const db = aDatabase();
    const first = await saveHousehold(db, aHousehold());
    await saveHousehold(db, { ...aHousehold({ head: '梁秀' }), id: first.id });
    await saveHousehold(db, { ...aHousehold({ head: '梁秀兰' }), id: first.id });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.data).toMatchObject({ head: '梁秀兰' });
    expect((await db.households.get(first.id))?.createdAt).toBe(first.createdAt);
  });

  it('never changes a revision already sent: an edit makes a new one with a later clock', async () => {
    const db = aDatabase();
    const a = await saveHousehold(db, aHousehold());
    await db.outbox.toCollection().modify({ state: 'sent' });
    await saveHousehold(db, { ...aHousehold({ head: '韦' }), id: a.id });
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((entry) => entry.data.head)).toEqual(['梁秀英', '韦']);
    const clocks = entries.map((entry) => entry.hlc);
    expect(clocks).toHaveLength(2);
    expect(clocks[0]! < clocks[1]!).toBe(true);
  });

  it('stores nothing when the household is invalid', async () => {
    const db = aDatabase();
    await expect(saveHousehold(db, aHousehold({ head: '' }))).rejects.toBeInstanceOf(ZodError);
    expect(await db.households.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('supersedes a rejected revision when the record changes, naming the confirmed head as parent', async () => {
    const db = aDatabase();
    const a = await saveHousehold(db, aHousehold());
    await db.outbox.toCollection().modify({ state: 'rejected', error: { code: 'record.invalid', message: '…' } });
    await db.recordHeads.put({ key: `household:${a.id}`, rev: 'rev-confirmed' });
    await saveHousehold(db, { ...aHousehold({ head: '韦' }), id: a.id });
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ state: 'pending', parent: 'rev-confirmed', data: expect.objectContaining({ head: '韦' }) })]);
  });

  it('leaves no half-written household when the phone runs out of space', async () => {
    const db = aDatabase();
    db.outbox.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const failure = await saveHousehold(db, aHousehold()).catch((error: unknown) => error);
    expect(classifyStorageError(failure)).toBe('storage.quota');
    expect(await db.households.count()).toBe(0);
  });
});
