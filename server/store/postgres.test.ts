import { Client } from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { aFamilyOfRevisions, aHouseholdRevision, aPersonRevision } from '../../tests/server/builders';
import { ALL, XINGUO } from '../../tests/server/receiver';
import { closeTestStores, postgresAdapter } from '../../tests/server/stores';
import { openPostgresStore } from './postgres';

// What every store does is in store-contract.test.ts; this is what only PostgreSQL has: other
// connections writing at the same time, and text that cannot hold U+0000.

afterEach(closeTestStores);

const postgres = postgresAdapter();

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; !(await condition()); tries += 1) {
    if (tries > 200) throw new Error('waited 10 s in vain');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(postgres.unavailable !== undefined)('PostgreSQL store', () => {
  it('stores each rev once when the same batch arrives on several connections at once', async () => {
    const { store } = await postgres.open();
    const family = aFamilyOfRevisions();
    const answers = await Promise.all(Array.from({ length: 6 }, () => store.storeRevisions(family, XINGUO)));
    const statuses = answers.map((results) => results.map((result) => result.status).join(' ')).sort();
    expect(statuses).toEqual(['duplicate duplicate duplicate', 'duplicate duplicate duplicate', 'duplicate duplicate duplicate', 'duplicate duplicate duplicate', 'duplicate duplicate duplicate', 'stored stored stored']);
  });

  it('keeps a paging reader from skipping a batch that commits after a later one', async () => {
    const { store, location } = await postgres.open();
    // Another connection holds an uncommitted row with the rev of the first batch's second
    // revision, so that batch, once it has drawn its seqs, has to wait; a second batch
    // must not commit a higher seq meanwhile, or a reader's cursor would pass the first's.
    const other = new Client({ connectionString: location.kind === 'postgres' ? location.url : '' });
    await other.connect();
    const [first, blocked, second] = [aHouseholdRevision(), aHouseholdRevision(), aHouseholdRevision()];
    try {
      await other.query('BEGIN');
      await other.query("INSERT INTO revisions (rev, kind, record_id, hlc, device, data, received_at) VALUES ($1, 'household', 'x', 'x', 'x', '{}', now())", [blocked.rev]);
      const { rows } = await other.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
      const firstBatch = store.storeRevisions([first, blocked], XINGUO);
      // Waiting for this table (the store's lock) or for that transaction (its row).
      const waiting = "SELECT 1 FROM pg_locks WHERE NOT granted AND (relation = 'revisions'::regclass OR transactionid::text = $1)";
      await waitFor(async () => (await other.query(waiting, [rows[0]!.xid])).rowCount! > 0);
      const secondBatch = store.storeRevisions([second], XINGUO);
      await Promise.race([secondBatch, new Promise((resolve) => setTimeout(resolve, 300))]);
      const page = await store.changesSince(null, ALL, 10);
      await other.query('ROLLBACK');
      expect((await firstBatch).map((result) => result.status)).toEqual(['stored', 'stored']);
      expect((await secondBatch).map((result) => result.status)).toEqual(['stored']);
      const next = await store.changesSince(page.cursor, ALL, 10);
      expect([...page.revisions, ...next.revisions].map((revision) => revision.rev)).toEqual([first.rev, blocked.rev, second.rev]);
    } finally {
      await other.end();
    }
  });

  it('rejects a revision with U+0000 where PostgreSQL text cannot hold it, and stores the rest of the batch', async () => {
    const { store } = await postgres.open();
    const batch = [aHouseholdRevision(), { ...aHouseholdRevision(), rev: 'rev\u0000x' }, aHouseholdRevision({ county: '融水\u0000县' }), aPersonRevision('household\u0000id')];
    const results = await store.storeRevisions(batch, XINGUO);
    expect(results.map((result) => [result.status, result.error?.code, result.error?.path])).toEqual([
      ['stored', undefined, undefined],
      ['rejected', 'record.invalid', 'rev'],
      ['rejected', 'record.invalid', 'county'],
      ['rejected', 'scope.unknown_parent', 'householdId'],
    ]);
    expect(results[1]!.error!.message).toContain('空字符');
    expect((await store.changesSince(null, ALL, 10)).revisions).toEqual([batch[0]]);
  });

  it('refuses to truncate the revisions', async () => {
    const { store, query } = await postgres.open();
    await store.storeRevisions([aHouseholdRevision()], XINGUO);
    await expect(query('TRUNCATE revisions')).rejects.toThrow('append-only');
  });

  it('fails to open, saying why, when the database cannot be reached', async () => {
    await expect(openPostgresStore('postgres://postgres@127.0.0.1:1/nothing')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
