import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';
import { createRevisionQueries } from './sqlite-revisions';
import { createTokenQueries } from './sqlite-tokens';
import type { Store } from './store';

export type { ChangesPage, DeviceToken, Store, StoreHealth } from './store';

/** Opens (and creates or upgrades) the receiver's embedded SQLite database, in WAL mode. */
export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  const schemaVersion = () => (db.pragma('user_version', { simple: true }) as number);
  const revisions = createRevisionQueries(db);
  const tokens = createTokenQueries(db);
  return {
    async health() {
      return { kind: 'sqlite', schemaVersion: schemaVersion(), journalMode: db.pragma('journal_mode', { simple: true }) as string };
    },
    async storeRevisions(batch, scope) {
      return revisions.storeRevisions(batch, scope);
    },
    async changesSince(cursor, scope, limit) {
      return revisions.changesSince(cursor, scope, limit);
    },
    async createToken(name, scope) {
      return tokens.createToken(name, scope);
    },
    async findToken(secret) {
      return tokens.findToken(secret);
    },
    async close() {
      db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = SQLITE_MIGRATIONS.slice(current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const sql of pending) db.exec(sql);
    db.pragma(`user_version = ${SQLITE_MIGRATIONS.length}`);
  })();
}
