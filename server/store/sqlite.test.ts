import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { aFamilyOfRevisions, aHouseholdRevision, withData } from '../../tests/server/builders';
import { aDataFile, ALL, XINGUO } from '../../tests/server/receiver';
import { openSqliteStore } from './sqlite';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';
import type { Store } from './store';

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

  it('refuses to update or delete a stored revision', async () => {
    const file = aDataFile();
    const store = aStore(file);
    await store.storeRevisions([aHouseholdRevision()], ALL);
    const db = new Database(file);
    try {
      expect(() => db.prepare("UPDATE revisions SET data = '{}'").run()).toThrow('append-only');
      expect(() => db.prepare('DELETE FROM revisions').run()).toThrow('append-only');
    } finally {
      db.close();
    }
  });

  it('stores nothing of a batch that fails halfway', async () => {
    const store = aStore();
    const good = aHouseholdRevision();
    const unwritable = withData(aHouseholdRevision(), { note: 1n });
    await expect(store.storeRevisions([good, unwritable], ALL)).rejects.toThrow();
    expect((await store.changesSince(null, ALL, 10)).revisions).toEqual([]);
  });

  it('keeps only a hash of a token and finds it by its secret', async () => {
    const file = aDataFile();
    const store = aStore(file);
    const secret = await store.createToken('新国村 1号手机', XINGUO);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await store.findToken(secret)).toMatchObject({ name: '新国村 1号手机', scope: XINGUO });
    expect(await store.findToken(`${secret}x`)).toBeNull();
    expect(await store.findToken('')).toBeNull();
    await store.close();
    open.length = 0;
    const db = new Database(file, { readonly: true });
    const stored = JSON.stringify(db.prepare('SELECT * FROM device_tokens').all());
    db.close();
    expect(stored).not.toContain(secret);
    expect(readFileSync(file).includes(Buffer.from(secret))).toBe(false);
  });

  it('gives every token its own secret', async () => {
    const store = aStore();
    const secrets = await Promise.all(Array.from({ length: 20 }, () => store.createToken('手机', XINGUO)));
    expect(new Set(secrets).size).toBe(20);
  });

  it('remembers the code of a code scope', async () => {
    const store = aStore();
    const secret = await store.createToken('县里', { level: 'county', name: '450225', code: '450225' });
    expect((await store.findToken(secret))?.scope).toEqual({ level: 'county', name: '450225', code: '450225' });
  });
});
