import type { Table, Transaction } from 'dexie';
import type { RecordKind } from '../domain/revision';
import type { FieldbookDatabase, OutboxEntry, RecordHead } from './database';
import { nextClock } from './device';

/** The tables enqueueRevision touches: every write transaction that enqueues must include them. */
export function outboxTables(db: FieldbookDatabase): Table[] {
  return [db.outbox, db.settings, db.recordHeads];
}

export function recordHeadKey(kind: RecordKind, id: string): string {
  return `${kind}:${id}`;
}

/**
 * Puts a record's new version in the outbox, inside the caller's write transaction. While the
 * record already has a never-sent revision, that one is updated instead: autosave writes on
 * every change, and the office needs the versions a cadre meant, not one per keystroke. A
 * revision already sent is never changed, and a rejected one is superseded by the new version.
 */
export async function enqueueRevision(
  tx: Transaction,
  kind: RecordKind,
  record: { id: string } & object,
  /** neverSynced: the record cannot have a confirmed head (the v2 upgrade, before recordHeads existed). */
  options: { deleted?: boolean; neverSynced?: boolean } = {},
): Promise<void> {
  const outbox = tx.table<OutboxEntry, number>('outbox');
  const { deviceId, hlc } = await nextClock(tx);
  const data = { ...record } as Record<string, unknown>;
  const entries = await outbox.where('id').equals(record.id).filter((entry) => entry.kind === kind).toArray();
  const head = options.neverSynced ? undefined : await tx.table<RecordHead, string>('recordHeads').get(recordHeadKey(kind, record.id));
  const unsent = entries.find((entry) => entry.state === 'pending');
  if (unsent?.seq !== undefined) {
    // The parent follows what the receiver has now (another device's version may have arrived).
    await outbox.update(unsent.seq, { hlc, data, deleted: options.deleted ?? false, parent: head?.rev ?? unsent.parent });
    return;
  }
  const rejected = entries.flatMap((entry) => (entry.state === 'rejected' && entry.seq !== undefined ? [entry.seq] : []));
  if (rejected.length > 0) await outbox.bulkDelete(rejected);
  await outbox.add({
    rev: crypto.randomUUID(),
    parent: head?.rev ?? null,
    kind,
    id: record.id,
    hlc,
    device: deviceId,
    deleted: options.deleted ?? false,
    data,
    state: 'pending',
  });
}

/** Revisions the receiver does not have yet (never sent, or sent and unconfirmed). */
export async function countUnsyncedRevisions(tx: Pick<Transaction, 'table'>): Promise<number> {
  return tx.table<OutboxEntry, number>('outbox').where('state').anyOf('pending', 'sent').count();
}
