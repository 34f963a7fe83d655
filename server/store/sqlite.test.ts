import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { aFamilyOfRevisions } from '../../tests/server/builders';
import { aDataFile, XINGUO } from '../../tests/server/receiver';
import { openSqliteStore } from './sqlite';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';
import type { Store } from './store';

// What every store does is in store-contract.test.ts; this is what only SQLite has.

const open: Store[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
});

function aStore(file = aDataFile()): Store {
  const store = openSqliteStore(file);
  open.push(store);
  return store;
}

describe('SQLite store', () => {
  it('upgrades a version 1 database and places the revisions it already held', async () => {
    const file = aDataFile();
    const v1 = new Database(file);
    v1.exec(SQLITE_MIGRATIONS[0]!);
    v1.pragma('user_version = 1');
    const insert = v1.prepare('INSERT INTO revisions (rev, parent, kind, record_id, hlc, device, deleted, data, received_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)');
    const family = aFamilyOfRevisions({ village: '新国村' });
    for (const revision of family) {
      insert.run(revision.rev, revision.parent, revision.kind, revision.id, revision.hlc, revision.device, JSON.stringify(revision.data), '2026-05-01T08:00:00.000Z');
    }
    v1.close();

    const store = aStore(file);
    expect(await store.health()).toMatchObject({ schemaVersion: SQLITE_MIGRATIONS.length });
    const page = await store.changesSince(null, XINGUO, 10);
    expect(page.revisions.map((revision) => revision.rev)).toEqual(family.map((revision) => revision.rev));
    expect((await store.storeRevisions(family, XINGUO)).map((result) => result.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
  });

  it('never writes a token’s secret into the database file', async () => {
    const file = aDataFile();
    const store = aStore(file);
    const secret = await store.createToken('新国村 1号手机', XINGUO);
    await store.close();
    open.length = 0;
    expect(readFileSync(file).includes(Buffer.from(secret))).toBe(false);
  });
});
