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
  // 2: each revision's location (its household's county/township/village) for token scopes,
  // device tokens by hash, and revisions made append-only by triggers.
  `
  ALTER TABLE revisions ADD COLUMN county TEXT NOT NULL DEFAULT '';
  ALTER TABLE revisions ADD COLUMN township TEXT NOT NULL DEFAULT '';
  ALTER TABLE revisions ADD COLUMN village TEXT NOT NULL DEFAULT '';
  UPDATE revisions SET
    county = trim(coalesce(json_extract(data, '$.county'), '')),
    township = trim(coalesce(json_extract(data, '$.township'), '')),
    village = trim(coalesce(json_extract(data, '$.village'), ''))
  WHERE kind = 'household';
  UPDATE revisions AS person SET (county, township, village) = (
    SELECT household.county, household.township, household.village FROM revisions AS household
    WHERE household.kind = 'household' AND household.record_id = json_extract(person.data, '$.householdId')
    ORDER BY household.hlc DESC, household.device DESC LIMIT 1
  )
  WHERE person.kind = 'person' AND EXISTS (
    SELECT 1 FROM revisions AS household
    WHERE household.kind = 'household' AND household.record_id = json_extract(person.data, '$.householdId')
  );
  UPDATE revisions AS event SET (county, township, village) = (
    SELECT person.county, person.township, person.village FROM revisions AS person
    WHERE person.kind = 'person' AND person.record_id = json_extract(event.data, '$.personId')
    ORDER BY person.hlc DESC, person.device DESC LIMIT 1
  )
  WHERE event.kind = 'event' AND EXISTS (
    SELECT 1 FROM revisions AS person
    WHERE person.kind = 'person' AND person.record_id = json_extract(event.data, '$.personId')
  );
  CREATE INDEX revisions_county ON revisions (county, seq);
  CREATE INDEX revisions_township ON revisions (township, seq);
  CREATE INDEX revisions_village ON revisions (village, seq);
  CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
    BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
  CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
    BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;

  CREATE TABLE device_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    scope_level TEXT NOT NULL CHECK (scope_level IN ('all', 'county', 'township', 'village')),
    scope_name TEXT NOT NULL,
    scope_code TEXT,
    secret_sha256 BLOB NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );
  `,
];
