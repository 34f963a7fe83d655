import { Pool } from 'pg';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';
import { createRevisionQueries } from './postgres-revisions';
import { createTokenQueries } from './postgres-tokens';
import { withTransaction } from './postgres-transaction';
import type { Store } from './store';

/** Any constant of our own: two receivers starting at once must not both migrate. */
const MIGRATION_LOCK = 7_201_905_113;

/**
 * Connects to the receiver's PostgreSQL database (a `postgres://` URL; `?options=-c
 * search_path=…` picks a schema) and creates or upgrades its tables.
 */
export async function openPostgresStore(connectionString: string): Promise<Store> {
  const pool = new Pool({ connectionString, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle connection that breaks (the server restarted) is dropped from the pool; without a
  // listener its error would end the process. The next query opens a new one.
  pool.on('error', () => {});
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const revisions = createRevisionQueries(pool);
  const tokens = createTokenQueries(pool);
  return {
    async health() {
      return { kind: 'postgres', schemaVersion: await schemaVersion(pool) };
    },
    storeRevisions: (batch, scope) => revisions.storeRevisions(batch, scope),
    changesSince: (cursor, scope, limit) => revisions.changesSince(cursor, scope, limit),
    createToken: (name, scope) => tokens.createToken(name, scope),
    findToken: (secret) => tokens.findToken(secret),
    async close() {
      await pool.end();
    },
  };
}

async function schemaVersion(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return rows[0]?.version ?? 0;
}

async function migrate(pool: Pool): Promise<void> {
  await withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
    for (let version = (rows[0]?.version ?? 0) + 1; version <= POSTGRES_MIGRATIONS.length; version += 1) {
      await client.query(POSTGRES_MIGRATIONS[version - 1]!);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
    }
  });
}
