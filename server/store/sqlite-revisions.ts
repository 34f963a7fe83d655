import type Database from 'better-sqlite3';
import { RECORD_KINDS, type RecordKind, type Revision } from '../../src/domain/revision';
import { pickCurrentRevision, type RevisionResult } from '../../src/domain/sync-protocol';
import { checkRevision, unknownParentError, type RevisionCheck } from '../check-revision';
import { canonicalJson } from '../json';
import { revisionError } from '../problems';
import { describeScope, isInScope, scopeValues, type Location, type Scope } from '../scope';
import { DEFAULT_CHANGES_LIMIT, InvalidCursorError, MAX_CHANGES_LIMIT, type ChangesPage } from './store';

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

function isRecordKind(kind: string): kind is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(kind);
}

function toRevision(row: RevisionRow): Revision {
  if (!isRecordKind(row.kind)) throw new Error(`revision ${row.seq} has an unknown kind`);
  return {
    rev: row.rev,
    parent: row.parent,
    kind: row.kind,
    id: row.record_id,
    hlc: row.hlc,
    device: row.device,
    deleted: row.deleted === 1,
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}

function hasSameContent(row: RevisionRow, revision: Revision): boolean {
  return (
    row.parent === revision.parent &&
    row.kind === revision.kind &&
    row.record_id === revision.id &&
    row.hlc === revision.hlc &&
    row.device === revision.device &&
    (row.deleted === 1) === revision.deleted &&
    canonicalJson(JSON.parse(row.data)) === canonicalJson(revision.data)
  );
}

function parseCursor(cursor: string | null): number {
  if (cursor === null || cursor === '') return 0;
  if (!/^\d{1,15}$/.test(cursor)) throw new InvalidCursorError(cursor);
  return Number(cursor);
}

/** Queries on the `revisions` table: append-only, one row per rev. */
export function createRevisionQueries(db: Database.Database) {
  const byRev = db.prepare<[string], RevisionRow>('SELECT * FROM revisions WHERE rev = ?');
  const locationRows = db.prepare<[string, string], Location & Pick<RevisionRow, 'hlc' | 'device'>>(
    'SELECT hlc, device, county, township, village FROM revisions WHERE kind = ? AND record_id = ?',
  );
  const insert = db.prepare<[string, string | null, string, string, string, string, number, string, string, string, string, string]>(
    `INSERT INTO revisions (rev, parent, kind, record_id, hlc, device, deleted, data, received_at, county, township, village)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (rev) DO NOTHING`,
  );
  const maxSeq = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM revisions');

  /** The location of a record's current revision (highest clock, as every phone picks it). */
  function currentLocation(kind: RecordKind, id: string): Location | undefined {
    const current = pickCurrentRevision(locationRows.all(kind, id));
    return current && { county: current.county, township: current.township, village: current.village };
  }

  function storeOne(revision: Revision, check: RevisionCheck, scope: Scope, receivedAt: string): RevisionResult {
    const { rev } = revision;
    const existing = byRev.get(rev);
    if (existing) {
      return hasSameContent(existing, revision) ? { rev, status: 'duplicate' } : { rev, status: 'rejected', error: revisionError('rev.conflict') };
    }
    if (!check.ok) return { rev, status: 'rejected', error: check.error };
    const { link } = check;
    let location: Location | undefined;
    if (link.kind === 'located') location = link.location;
    else {
      location = currentLocation(link.parentKind, link.parentId);
      if (!location) return { rev, status: 'rejected', error: unknownParentError(link) };
    }
    // A record already on the receiver must stay where it is as far as this token goes: a
    // revision may neither move it out of the scope nor claim one from another scope.
    const before = currentLocation(revision.kind, revision.id);
    if (!isInScope(location, scope) || (before && !isInScope(before, scope))) {
      return { rev, status: 'rejected', error: revisionError('scope.forbidden', `本令牌只能提交${describeScope(scope)}的记录`) };
    }
    const { changes } = insert.run(
      rev,
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
    return { rev, status: changes === 1 ? 'stored' : 'duplicate' };
  }

  const storeBatch = db.transaction((revisions: readonly Revision[], checks: readonly RevisionCheck[], scope: Scope) => {
    const receivedAt = new Date().toISOString();
    return revisions.map((revision, index) => storeOne(revision, checks[index]!, scope, receivedAt));
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
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    // With nothing more in scope, the cursor moves to the newest row of all, so the next poll
    // does not walk again over other scopes' rows.
    const last = more ? page.at(-1)!.seq : Math.max(after, maxSeq.get()?.seq ?? 0);
    return { revisions: page.map(toRevision), cursor: String(last), more };
  });

  return {
    storeRevisions(revisions: readonly Revision[], scope: Scope): RevisionResult[] {
      // Validation is pure and runs before the write transaction, so the lock is held briefly.
      const checks = revisions.map(checkRevision);
      return storeBatch(revisions, checks, scope);
    },
    changesSince(cursor: string | null, scope: Scope, limit: number): ChangesPage {
      const size = Number.isFinite(limit) ? Math.min(Math.max(1, Math.trunc(limit)), MAX_CHANGES_LIMIT) : DEFAULT_CHANGES_LIMIT;
      return readChanges(parseCursor(cursor), scope, size);
    },
  };
}
