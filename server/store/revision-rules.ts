import { RECORD_KINDS, type RecordKind, type Revision } from '../../src/domain/revision';
import { pickCurrentRevision, type RevisionResult } from '../../src/domain/sync-protocol';
import { unknownParentError, type RevisionCheck } from '../check-revision';
import { canonicalJson } from '../json';
import { revisionError } from '../problems';
import { describeScope, isInScope, type Location, type Scope } from '../scope';
import { DEFAULT_CHANGES_LIMIT, InvalidCursorError, MAX_CHANGES_LIMIT, type ChangesPage } from './store';

/**
 * What every store adapter decides the same way, whatever its database: whether a revision
 * is stored, a duplicate or rejected, where it belongs, and how `changesSince` pages.
 */

/** A stored revision as an adapter reads it back; `data` is the canonical JSON it stored. */
export interface StoredRevision {
  rev: string;
  parent: string | null;
  kind: string;
  recordId: string;
  hlc: string;
  device: string;
  deleted: boolean;
  data: string;
}

/** One stored revision of a record: enough to pick the current one and read its location. */
export interface RecordClock extends Location {
  hlc: string;
  device: string;
}

/** What the store holds, read inside the transaction that writes the batch. */
export interface StoredRecords {
  revision(rev: string): StoredRevision | undefined;
  clocks(kind: RecordKind, id: string): readonly RecordClock[];
}

export function isRecordKind(kind: string): kind is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(kind);
}

export function toRevision(row: StoredRevision): Revision {
  if (!isRecordKind(row.kind)) throw new Error(`revision ${row.rev} has an unknown kind`);
  return {
    rev: row.rev,
    parent: row.parent,
    kind: row.kind,
    id: row.recordId,
    hlc: row.hlc,
    device: row.device,
    deleted: row.deleted,
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}

function hasSameContent(row: StoredRevision, revision: Revision): boolean {
  return (
    row.parent === revision.parent &&
    row.kind === revision.kind &&
    row.recordId === revision.id &&
    row.hlc === revision.hlc &&
    row.device === revision.device &&
    row.deleted === revision.deleted &&
    canonicalJson(JSON.parse(row.data)) === canonicalJson(revision.data)
  );
}

/** The location of a record's current revision (highest clock, as every phone picks it). */
function currentLocation(records: StoredRecords, kind: RecordKind, id: string): Location | undefined {
  const current = pickCurrentRevision(records.clocks(kind, id));
  return current && { county: current.county, township: current.township, village: current.village };
}

/** Either the answer for a revision that is not to be written, or where to write it. */
export type Placement = { result: RevisionResult } | { location: Location };

export function placeRevision(revision: Revision, check: RevisionCheck, scope: Scope, records: StoredRecords): Placement {
  const { rev } = revision;
  const existing = records.revision(rev);
  if (existing) {
    return { result: hasSameContent(existing, revision) ? { rev, status: 'duplicate' } : { rev, status: 'rejected', error: revisionError('rev.conflict') } };
  }
  if (!check.ok) return { result: { rev, status: 'rejected', error: check.error } };
  const { link } = check;
  let location: Location | undefined;
  if (link.kind === 'located') location = link.location;
  else {
    location = currentLocation(records, link.parentKind, link.parentId);
    if (!location) return { result: { rev, status: 'rejected', error: unknownParentError(link) } };
  }
  // A record already on the receiver must stay where it is as far as this token goes: a
  // revision may neither move it out of the scope nor claim one from another scope.
  const before = currentLocation(records, revision.kind, revision.id);
  if (!isInScope(location, scope) || (before && !isInScope(before, scope))) {
    return { result: { rev, status: 'rejected', error: revisionError('scope.forbidden', `本令牌只能提交${describeScope(scope)}的记录`) } };
  }
  return { location };
}

/**
 * Places a batch in order, so a revision sees the ones before it; `insert` writes one (where
 * `records` will find it) and says whether it was new.
 */
export function placeBatch(
  revisions: readonly Revision[],
  checks: readonly RevisionCheck[],
  scope: Scope,
  records: StoredRecords,
  insert: (revision: Revision, location: Location) => boolean,
): RevisionResult[] {
  return revisions.map((revision, index) => {
    const placement = placeRevision(revision, checks[index]!, scope, records);
    if ('result' in placement) return placement.result;
    return { rev: revision.rev, status: insert(revision, placement.location) ? 'stored' : 'duplicate' };
  });
}

/** The `seq` after which to continue; the cursor is the decimal `seq` of the last row seen. */
export function parseCursor(cursor: string | null): number {
  if (cursor === null || cursor === '') return 0;
  if (!/^\d{1,15}$/.test(cursor)) throw new InvalidCursorError(cursor);
  return Number(cursor);
}

export function clampChangesLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.min(Math.max(1, Math.trunc(limit)), MAX_CHANGES_LIMIT) : DEFAULT_CHANGES_LIMIT;
}

/**
 * A page from up to `limit + 1` rows in scope after `after`, oldest first; `newestSeq` is the
 * highest `seq` of all rows, in every scope, read in the same snapshot.
 */
export function toChangesPage(rows: readonly (StoredRevision & { seq: number })[], after: number, limit: number, newestSeq: number): ChangesPage {
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  // With nothing more in scope, the cursor moves to the newest row of all, so the next poll
  // does not walk again over other scopes' rows.
  const last = more ? page.at(-1)!.seq : Math.max(after, newestSeq);
  return { revisions: page.map(toRevision), cursor: String(last), more };
}
