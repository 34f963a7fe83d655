import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { describe, inject } from 'vitest';
import { openStore, type StoreLocation } from '../../server/store/open-store';
import type { Store, StoreHealth } from '../../server/store/store';

/** A store opened for a test, on a database of its own. */
export interface TestStore {
  store: Store;
  location: StoreLocation;
  /** Runs SQL on the store's database over a connection of its own, as anyone with access to it could. */
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** The same database opened again, as after a restart. */
  reopen(): Promise<Store>;
}

export interface StoreAdapter {
  name: 'SQLite' | 'PostgreSQL';
  kind: StoreHealth['kind'];
  /** Why this adapter cannot be tested here; its tests are skipped. */
  unavailable: string | undefined;
  open(): Promise<TestStore>;
}

const opened: Store[] = [];

function track(store: Store): Store {
  opened.push(store);
  return store;
}

/** For `afterEach`: closes every store opened since the last call. */
export async function closeTestStores(): Promise<void> {
  await Promise.all(opened.splice(0).map((store) => store.close()));
}

export function aDataFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'fieldbook-sync-')), 'fieldbook.db');
}

async function openTestStore(location: StoreLocation, query: TestStore['query']): Promise<TestStore> {
  return { store: track(await openStore(location)), location, query, reopen: async () => track(await openStore(location)) };
}

/** A fresh SQLite file in a temp dir. */
export const SQLITE: StoreAdapter = {
  name: 'SQLite',
  kind: 'sqlite',
  unavailable: undefined,
  open() {
    const file = aDataFile();
    return openTestStore({ kind: 'sqlite', file }, async (sql) => {
      const db = new Database(file);
      try {
        const statement = db.prepare(sql);
        if (!statement.reader) {
          statement.run();
          return [];
        }
        return statement.all() as Record<string, unknown>[];
      } finally {
        db.close();
      }
    });
  },
};

async function runSql(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A fresh schema on the run's throwaway server (tests/server/postgres.ts). */
export function postgresAdapter(): StoreAdapter {
  const server = inject('postgres') ?? { unavailable: 'no server was started for this test project' };
  return {
    name: 'PostgreSQL',
    kind: 'postgres',
    unavailable: 'unavailable' in server ? server.unavailable : undefined,
    async open() {
      if ('unavailable' in server) throw new Error(`PostgreSQL not available: ${server.unavailable}`);
      const schema = `store_${randomUUID().replaceAll('-', '')}`;
      await runSql(server.url, `CREATE SCHEMA ${schema}`);
      const url = `${server.url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      return openTestStore({ kind: 'postgres', url }, (sql) => runSql(url, sql));
    },
  };
}

export function storeAdapters(): StoreAdapter[] {
  return [SQLITE, postgresAdapter()];
}

/**
 * Declares `body`'s tests once for each store adapter, so both pass the same suite; the
 * PostgreSQL ones are skipped where no server could be started (the run printed why).
 */
export function describeEachStore(body: (adapter: StoreAdapter) => void): void {
  for (const adapter of storeAdapters()) describe.skipIf(adapter.unavailable !== undefined)(`on ${adapter.name}`, () => body(adapter));
}
