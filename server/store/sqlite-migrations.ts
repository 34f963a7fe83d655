/**
 * Schema versions of the receiver's SQLite store; `PRAGMA user_version` counts how many ran.
 * Append only: a database in the field may be at any earlier version.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE revisions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    rev TEXT NOT NULL UNIQUE,
    parent TEXT,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    device TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL,
    received_at TEXT NOT NULL
  );
  CREATE INDEX revisions_record ON revisions (kind, record_id);
  `,
];
