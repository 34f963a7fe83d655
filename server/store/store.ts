import type { Revision } from '../../src/domain/revision';
import type { RevisionResult } from '../../src/domain/sync-protocol';
import type { Scope } from '../scope';

export interface StoreHealth {
  kind: 'sqlite' | 'postgres';
  schemaVersion: number;
  /** SQLite only: `wal` when readers never wait for the writer. */
  journalMode?: string;
}

/** A device token as the receiver knows it; the secret itself is never stored. */
export interface DeviceToken {
  id: number;
  name: string;
  scope: Scope;
}

export interface ChangesPage {
  revisions: Revision[];
  /** Opaque; hand it back as `since` to continue after the last revision seen. */
  cursor: string;
  more: boolean;
}

export const DEFAULT_CHANGES_LIMIT = 500;
export const MAX_CHANGES_LIMIT = 2000;

/** A `since` the store did not hand out. */
export class InvalidCursorError extends Error {
  constructor(readonly cursor: string) {
    super('invalid changes cursor');
  }
}

/** The receiver's storage, one adapter per database (SQLite now, PostgreSQL later). */
export interface Store {
  health(): Promise<StoreHealth>;
  /**
   * Stores each revision once, in one transaction, answering per revision in the batch's
   * order: `stored`, `duplicate` (same rev, same content) or `rejected` with a code of
   * REVISION_ERRORS (server/problems.ts). Stored revisions are never updated or deleted.
   */
  storeRevisions(revisions: readonly Revision[], scope: Scope): Promise<RevisionResult[]>;
  /** Revisions inside `scope` stored after `cursor` (null: from the start), oldest first. */
  changesSince(cursor: string | null, scope: Scope, limit: number): Promise<ChangesPage>;
  /** Creates a device token and returns its secret; only the secret's hash is kept. */
  createToken(name: string, scope: Scope): Promise<string>;
  findToken(secret: string): Promise<DeviceToken | null>;
  close(): Promise<void>;
}
