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

  it('gives every revision a later clock than the one before', async () => {
    const db = aDatabase();
    const a = await saveHousehold(db, aHousehold());
    await db.outbox.toCollection().modify({ state: 'rejected' });
    await saveHousehold(db, { ...aHousehold({ head: '韦' }), id: a.id });
    const clocks = (await db.outbox.orderBy('seq').toArray()).map((entry) => entry.hlc);
    expect(clocks).toHaveLength(2);
    expect(clocks[0]! < clocks[1]!).toBe(true);
  });

  it('stores nothing when the household is invalid', async () => {
    const db = aDatabase();
    await expect(saveHousehold(db, aHousehold({ head: '' }))).rejects.toBeInstanceOf(ZodError);
    expect(await db.households.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
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
