import type { Transaction } from 'dexie';
import type { RecordKind } from '../domain/revision';
import type { OutboxEntry } from './database';
import { nextClock } from './device';

/**
 * Puts a record's new version in the outbox, inside the caller's write transaction. While the
 * record already has an unsent revision, that one is updated instead: autosave writes on every
 * change, and the office needs the versions a cadre meant, not one per keystroke.
 */
export async function enqueueRevision(
  tx: Transaction,
  kind: RecordKind,
  record: { id: string } & object,
  options: { deleted?: boolean } = {},
): Promise<void> {
  const outbox = tx.table<OutboxEntry, number>('outbox');
  const { deviceId, hlc } = await nextClock(tx);
  const data = { ...record } as Record<string, unknown>;
  const unsent = await outbox
    .where('id')
    .equals(record.id)
    .filter((entry) => entry.kind === kind && entry.state === 'pending')
    .first();
  if (unsent?.seq !== undefined) {
    await outbox.update(unsent.seq, { hlc, data, deleted: options.deleted ?? false });
    return;
  }
  await outbox.add({
    rev: crypto.randomUUID(),
    parent: null,
    kind,
    id: record.id,
    hlc,
    device: deviceId,
    deleted: options.deleted ?? false,
    data,
    state: 'pending',
  });
}

export async function countPendingRevisions(tx: Pick<Transaction, 'table'>): Promise<number> {
  return tx.table<OutboxEntry, number>('outbox').where('state').equals('pending').count();
}
