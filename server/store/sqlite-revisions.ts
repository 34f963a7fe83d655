import type Database from 'better-sqlite3';
import type { Revision } from '../../src/domain/revision';
import type { RevisionResult } from '../../src/domain/sync-protocol';
import { checkRevision, type RevisionCheck } from '../check-revision';
import { canonicalJson } from '../json';
import { scopeValues, type Location, type Scope } from '../scope';
import { clampChangesLimit, parseCursor, placeBatch, toChangesPage, type RecordClock, type StoredRecords, type StoredRevision } from './revision-rules';
import type { ChangesPage } from './store';

interface RevisionRow extends Location {
  seq: number;
  rev: string;
  parent: string | null;
  kind: string;
  record_id: string;
  hlc: string;
  device: string;
  deleted: number;
  data: string;
}

const SCOPE_COLUMNS = { county: 'county', township: 'township', village: 'village' } as const;

function toStoredRevision(row: RevisionRow): StoredRevision & { seq: number } {
  return {
    seq: row.seq,
    rev: row.rev,
    parent: row.parent,
    kind: row.kind,
    recordId: row.record_id,
    hlc: row.hlc,
    device: row.device,
    deleted: row.deleted === 1,
    data: row.data,
  };
}

/** Queries on the `revisions` table: append-only, one row per rev. */
export function createRevisionQueries(db: Database.Database) {
  const byRev = db.prepare<[string], RevisionRow>('SELECT * FROM revisions WHERE rev = ?');
  const clockRows = db.prepare<[string, string], RecordClock>('SELECT hlc, device, county, township, village FROM revisions WHERE kind = ? AND record_id = ?');
  const insert = db.prepare<[string, string | null, string, string, string, string, number, string, string, string, string, string]>(
    `INSERT INTO revisions (rev, parent, kind, record_id, hlc, device, deleted, data, received_at, county, township, village)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (rev) DO NOTHING`,
  );
  const maxSeq = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM revisions');
  const records: StoredRecords = {
    revision(rev) {
      const row = byRev.get(rev);
      return row && toStoredRevision(row);
    },
    clocks: (kind, id) => clockRows.all(kind, id),
  };

  const storeBatch = db.transaction((revisions: readonly Revision[], checks: readonly RevisionCheck[], scope: Scope) => {
    const receivedAt = new Date().toISOString();
    return placeBatch(revisions, checks, scope, records, (revision, location) => {
      const { changes } = insert.run(
        revision.rev,
        revision.parent,
        revision.kind,
        revision.id,
        revision.hlc,
        revision.device,
        revision.deleted ? 1 : 0,
        canonicalJson(revision.data),
        receivedAt,
        location.county,
        location.township,
        location.village,
      );
      return changes === 1;
    });
  });

  const readChanges = db.transaction((after: number, scope: Scope, limit: number): ChangesPage => {
    let rows: RevisionRow[];
    if (scope.level === 'all') {
      rows = db.prepare<[number, number], RevisionRow>('SELECT * FROM revisions WHERE seq > ? ORDER BY seq LIMIT ?').all(after, limit + 1);
    } else {
      const values = scopeValues(scope);
      rows = db
        .prepare<unknown[], RevisionRow>(
          `SELECT * FROM revisions WHERE seq > ? AND ${SCOPE_COLUMNS[scope.level]} IN (${values.map(() => '?').join(', ')}) ORDER BY seq LIMIT ?`,
        )
        .all(after, ...values, limit + 1);
    }
    return toChangesPage(rows.map(toStoredRevision), after, limit, maxSeq.get()?.seq ?? 0);
  });

  return {
    storeRevisions(revisions: readonly Revision[], scope: Scope): RevisionResult[] {
      // Validation is pure and runs before the write transaction, so the lock is held briefly.
      const checks = revisions.map(checkRevision);
      return storeBatch(revisions, checks, scope);
    },
    changesSince(cursor: string | null, scope: Scope, limit: number): ChangesPage {
      return readChanges(parseCursor(cursor), scope, clampChangesLimit(limit));
    },
  };
}
