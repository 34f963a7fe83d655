import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { FieldbookDatabase } from '../../../src/db/database';

/** Opens the database exactly as release 1 defined it, as a phone that never upgraded has it. */
function openVersion1(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
    households: 'id, village, updatedAt',
    people: 'id, householdId, idNumber, name, updatedAt',
    events: 'id, personId, date',
    settings: 'key',
  });
  return db;
}

const stamp = '2026-04-01T08:00:00.000Z';

describe('database migrations', () => {
  it('upgrades a version 1 phone to the current version without losing a record', async () => {
    const name = `migration-${Math.random()}`;
    const v1 = openVersion1(name);
    await v1.table('households').put({ id: 'h1', head: '覃桂兰', village: '新国村', county: '', township: '', group: '', number: '', povertyAlleviated: true, monitored: false, relocated: false, createdAt: stamp, updatedAt: stamp });
    await v1.table('people').bulkPut([
      { id: 'p1', householdId: 'h1', name: '覃桂兰', idNumber: '', surveyedAt: '2026-04-01', createdAt: stamp, updatedAt: stamp },
      { id: 'p2', householdId: 'h1', name: '韦明', idNumber: '', createdAt: stamp, updatedAt: stamp },
    ]);
    v1.close();

    const current = new FieldbookDatabase(name);
    await current.open();
    expect(current.verno).toBe(6);
    expect(await current.households.get('h1')).toMatchObject({ head: '覃桂兰' });
    expect(await current.people.count()).toBe(2);
    expect(await current.people.where('surveyedAt').above('').count()).toBe(1);
    // Records from before the outbox existed are queued, so the office receives them.
    const queued = await current.outbox.toArray();
    expect(queued.map((entry) => `${entry.kind}:${entry.id}`).sort()).toEqual(['household:h1', 'person:p1', 'person:p2']);
    expect(new Set(queued.map((entry) => entry.device)).size).toBe(1);
    current.close();
  });

  it('creates the current version on a new phone', async () => {
    const db = new FieldbookDatabase(`fresh-${Math.random()}`);
    await db.open();
    expect(db.tables.map((table) => table.name).sort()).toEqual(['callbackDraws', 'conflicts', 'derived', 'events', 'households', 'outbox', 'people', 'recordHeads', 'settings']);
    db.close();
  });
});
