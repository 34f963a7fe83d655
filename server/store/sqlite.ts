import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';

export interface StoreHealth {
  kind: 'sqlite' | 'postgres';
  schemaVersion: number;
  /** SQLite only: `wal` when readers never wait for the writer. */
  journalMode?: string;
}

export interface Store {
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

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
  return {
    async health() {
      return { kind: 'sqlite', schemaVersion: schemaVersion(), journalMode: db.pragma('journal_mode', { simple: true }) as string };
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
