/**
 * Schema versions of the receiver's PostgreSQL store; `schema_migrations` has a row for each
 * that ran. Append only: a database in the field may be at any earlier version.
 *
 * The tables mirror the SQLite store's at its version 2. `data` is the canonical JSON text
 * the SQLite store keeps, not jsonb: jsonb would refuse a `\u0000` escape that SQLite stores
 * and respell numbers, and the store compares a resent revision with what it kept.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE revisions (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rev text NOT NULL UNIQUE,
    parent text,
    kind text NOT NULL,
    record_id text NOT NULL,
    hlc text NOT NULL,
    device text NOT NULL,
    deleted boolean NOT NULL DEFAULT false,
    data text NOT NULL,
    received_at timestamptz NOT NULL,
    county text NOT NULL DEFAULT '',
    township text NOT NULL DEFAULT '',
    village text NOT NULL DEFAULT ''
  );
  CREATE INDEX revisions_record ON revisions (kind, record_id);
  CREATE INDEX revisions_county ON revisions (county, seq);
  CREATE INDEX revisions_township ON revisions (township, seq);
  CREATE INDEX revisions_village ON revisions (village, seq);
  CREATE FUNCTION revisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'revisions are append-only'; END;
  $$;
  CREATE TRIGGER revisions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON revisions
    FOR EACH STATEMENT EXECUTE FUNCTION revisions_append_only();

  CREATE TABLE device_tokens (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    scope_level text NOT NULL CHECK (scope_level IN ('all', 'county', 'township', 'village')),
    scope_name text NOT NULL,
    scope_code text,
    secret_sha256 bytea NOT NULL UNIQUE,
    created_at timestamptz NOT NULL
  );
  `,
];
