import type { Pool, PoolClient } from 'pg';
import type { RecordKind, Revision } from '../../src/domain/revision';
import type { RevisionResult } from '../../src/domain/sync-protocol';
import { checkRevision, type RevisionCheck } from '../check-revision';
import { canonicalJson } from '../json';
import { revisionError } from '../problems';
import { scopeValues, type Location, type Scope } from '../scope';
import { withTransaction } from './postgres-transaction';
import { clampChangesLimit, parseCursor, placeBatch, toChangesPage, type RecordClock, type StoredRecords, type StoredRevision } from './revision-rules';
import type { ChangesPage } from './store';

interface RevisionRow {
  /** bigint, which node-postgres reads as text. */
  seq: string;
  rev: string;
  parent: string | null;
  kind: string;
  record_id: string;
  hlc: string;
  device: string;
  deleted: boolean;
  data: string;
}

interface ClockRow extends RecordClock {
  kind: string;
  record_id: string;
}

const REVISION_COLUMNS = 'seq, rev, parent, kind, record_id, hlc, device, deleted, data';
const SCOPE_COLUMNS = { county: 'county', township: 'township', village: 'village' } as const;
const NUL = '\u0000';

function toStoredRevision(row: RevisionRow): StoredRevision & { seq: number } {
  return {
    seq: Number(row.seq),
    rev: row.rev,
    parent: row.parent,
    kind: row.kind,
    recordId: row.record_id,
    hlc: row.hlc,
    device: row.device,
    deleted: row.deleted,
    data: row.data,
  };
}

function recordKey(kind: string, id: string): string {
  return JSON.stringify([kind, id]);
}

/**
 * PostgreSQL text cannot hold U+0000, which SQLite stores; a revision that would put one in
 * a column is rejected rather than failing its whole batch. (`data` is JSON, where it is
 * escaped.)
 */
function checkStorable(revision: Revision): RevisionCheck {
  const check = checkRevision(revision);
  if (!check.ok) return check;
  const values: Record<string, string> = { rev: revision.rev, parent: revision.parent ?? '', id: revision.id, hlc: revision.hlc, device: revision.device };
  if (check.link.kind === 'located') Object.assign(values, check.link.location);
  const field = Object.keys(values).find((key) => values[key]!.includes(NUL));
  return field === undefined ? check : { ok: false, error: revisionError('record.invalid', `${field}：不能含有空字符（U+0000）`, field) };
}

/**
 * The rows a batch can touch, read in one go: its revs, and every revision of the records it
 * writes and of their parents. The batch's own revisions are added as they are placed.
 */
async function readBatchRecords(client: PoolClient, revisions: readonly Revision[], checks: readonly RevisionCheck[]) {
  const revs = [...new Set(revisions.map((revision) => revision.rev))].filter((rev) => !rev.includes(NUL));
  const wanted = new Map<string, [kind: RecordKind, id: string]>();
  const want = (kind: RecordKind, id: string) => {
    if (!id.includes(NUL)) wanted.set(recordKey(kind, id), [kind, id]);
  };
  revisions.forEach((revision, index) => {
    want(revision.kind, revision.id);
    const check = checks[index]!;
    if (check.ok && check.link.kind === 'child-of') want(check.link.parentKind, check.link.parentId);
  });
  const keys = [...wanted.values()];
  const stored = await client.query<RevisionRow>(`SELECT ${REVISION_COLUMNS} FROM revisions WHERE rev = ANY($1::text[])`, [revs]);
  const clocks = await client.query<ClockRow>(
    `SELECT kind, record_id, hlc, device, county, township, village
     FROM revisions JOIN unnest($1::text[], $2::text[]) AS wanted (kind, record_id) USING (kind, record_id)`,
    [keys.map(([kind]) => kind), keys.map(([, id]) => id)],
  );

  const byRev = new Map<string, StoredRevision>(stored.rows.map((row) => [row.rev, toStoredRevision(row)]));
  const byRecord = new Map<string, RecordClock[]>();
  const addClock = (kind: string, id: string, clock: RecordClock) => {
    const key = recordKey(kind, id);
    const known = byRecord.get(key);
    if (known) known.push(clock);
    else byRecord.set(key, [clock]);
  };
  for (const { kind, record_id, hlc, device, county, township, village } of clocks.rows) addClock(kind, record_id, { hlc, device, county, township, village });
  return {
    revision: (rev) => byRev.get(rev),
    clocks: (kind, id) => byRecord.get(recordKey(kind, id)) ?? [],
    add(row: StoredRevision, location: Location) {
      byRev.set(row.rev, row);
      addClock(row.kind, row.recordId, { hlc: row.hlc, device: row.device, ...location });
    },
  } satisfies StoredRecords & { add(row: StoredRevision, location: Location): void };
}

/** Queries on the `revisions` table: append-only, one row per rev. */
export function createRevisionQueries(pool: Pool) {
  async function insertRows(client: PoolClient, rows: readonly (StoredRevision & Location)[]): Promise<void> {
    if (rows.length === 0) return;
    const column = <K extends keyof (StoredRevision & Location)>(key: K) => rows.map((row) => row[key]);
    const inserted = await client.query(
      `INSERT INTO revisions (rev, parent, kind, record_id, hlc, device, deleted, data, received_at, county, township, village)
       SELECT rev, parent, kind, record_id, hlc, device, deleted, data, now(), county, township, village
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::text[], $9::text[], $10::text[], $11::text[])
         WITH ORDINALITY AS batch (rev, parent, kind, record_id, hlc, device, deleted, data, county, township, village, position)
       ORDER BY position
       ON CONFLICT (rev) DO NOTHING`,
      [
        column('rev'),
        column('parent'),
        column('kind'),
        column('recordId'),
        column('hlc'),
        column('device'),
        column('deleted'),
        column('data'),
        column('county'),
        column('township'),
        column('village'),
      ],
    );
    // The table lock keeps every other writer out, so a rev missing here was missing above.
    if (inserted.rowCount !== rows.length) throw new Error(`stored ${inserted.rowCount} of ${rows.length} new revisions`);
  }

  return {
    async storeRevisions(revisions: readonly Revision[], scope: Scope): Promise<RevisionResult[]> {
      // Validation is pure and runs before the write transaction, so the lock is held briefly.
      const checks = revisions.map(checkStorable);
      return withTransaction(pool, async (client) => {
        // One batch at a time, as SQLite's single writer does: each sees every batch before it,
        // and revisions become visible in `seq` order, so a changes cursor never skips one that
        // commits late. Readers are not blocked. (READ COMMITTED: the reads below see batches
        // that committed while this one waited for the lock.)
        await client.query('LOCK TABLE revisions IN SHARE ROW EXCLUSIVE MODE');
        const records = await readBatchRecords(client, revisions, checks);
        const rows: (StoredRevision & Location)[] = [];
        const results = placeBatch(revisions, checks, scope, records, (revision, location) => {
          const row = {
            rev: revision.rev,
            parent: revision.parent,
            kind: revision.kind,
            recordId: revision.id,
            hlc: revision.hlc,
            device: revision.device,
            deleted: revision.deleted,
            data: canonicalJson(revision.data),
          };
          records.add(row, location);
          rows.push({ ...row, ...location });
          return true;
        });
        await insertRows(client, rows);
        return results;
      });
    },

    async changesSince(cursor: string | null, scope: Scope, limit: number): Promise<ChangesPage> {
      const after = parseCursor(cursor);
      const size = clampChangesLimit(limit);
      return withTransaction(
        pool,
        async (client) => {
          const { rows } =
            scope.level === 'all'
              ? await client.query<RevisionRow>(`SELECT ${REVISION_COLUMNS} FROM revisions WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, size + 1])
              : await client.query<RevisionRow>(
                  `SELECT ${REVISION_COLUMNS} FROM revisions WHERE seq > $1 AND ${SCOPE_COLUMNS[scope.level]} = ANY($3::text[]) ORDER BY seq LIMIT $2`,
                  [after, size + 1, scopeValues(scope)],
                );
          const newest = await client.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM revisions');
          return toChangesPage(rows.map(toStoredRevision), after, size, Number(newest.rows[0]?.seq ?? 0));
        },
        'ISOLATION LEVEL REPEATABLE READ READ ONLY',
      );
    },
  };
}
