import type { Table, Transaction } from 'dexie';
import type { RecordKind } from '../domain/revision';
import type { FieldbookDatabase, OutboxEntry, RecordHead } from './database';
import { readClock, tickClock, writeClock, type DeviceClock } from './device';

/** The tables enqueueRevision touches: every write transaction that enqueues must include them. */
export function outboxTables(db: FieldbookDatabase): Table[] {
  return [db.outbox, db.settings, db.recordHeads];
}

export function recordHeadKey(kind: RecordKind, id: string): string {
  return `${kind}:${id}`;
}

export interface RevisionKey {
  kind: RecordKind;
  id: string;
  /** The record cannot have a confirmed head (the v2 upgrade, before recordHeads existed). */
  neverSynced?: boolean;
}

export interface RevisionOptions {
  deleted?: boolean;
}

/**
 * New versions of records for the outbox, inside the caller's write transaction. What they
 * depend on (the clock, the records' outbox entries and confirmed heads) is read at once for
 * every record named, revisions are made in memory, and `write` stores them together: a save
 * costs two round trips to IndexedDB instead of one per step.
 *
 * While a record already has a never-sent revision, that one is updated instead: autosave writes
 * on every change, and the office needs the versions a cadre meant, not one per keystroke. A
 * revision already sent is never changed, and a rejected one is superseded by the new version.
 */
export class RevisionBatch {
  private readonly entries = new Map<string, OutboxEntry[]>();
  private readonly heads = new Map<string, RecordHead | undefined>();
  private readonly updates = new Map<number, OutboxEntry>();
  private additions: OutboxEntry[] = [];
  private deletions: number[] = [];

  private constructor(
    private readonly tx: Transaction,
    private readonly clock: DeviceClock,
  ) {}

  static async open(tx: Transaction, keys: readonly RevisionKey[]): Promise<RevisionBatch> {
    const [clock, known] = await Promise.all([readClock(tx), RevisionBatch.read(tx, keys)]);
    const batch = new RevisionBatch(tx, clock);
    batch.remember(known);
    return batch;
  }

  /** Reads what revisions of more records depend on (records found to change on the way). */
  async include(keys: readonly RevisionKey[]): Promise<void> {
    const unknown = keys.filter((key) => !this.entries.has(recordHeadKey(key.kind, key.id)));
    if (unknown.length > 0) this.remember(await RevisionBatch.read(this.tx, unknown));
  }

  /** A new version of a record, made now in memory; `include` or `open` must have named it. */
  add(kind: RecordKind, record: { id: string } & object, options: RevisionOptions = {}): void {
    const key = recordHeadKey(kind, record.id);
    const entries = this.entries.get(key);
    if (!entries) throw new Error(`RevisionBatch: ${key} was not read first`);
    const head = this.heads.get(key);
    const hlc = tickClock(this.clock);
    const data = { ...record } as Record<string, unknown>;
    const deleted = options.deleted ?? false;
    const unsentIndex = entries.findIndex((entry) => entry.state === 'pending');
    if (unsentIndex >= 0) {
      const unsent = entries[unsentIndex]!;
      // The parent follows what the receiver has now (another device's version may have arrived).
      const changes = { hlc, data, deleted, parent: head?.rev ?? unsent.parent };
      if (unsent.seq === undefined) {
        Object.assign(unsent, changes); // made in this batch and not written yet
      } else {
        const updated = { ...unsent, ...changes };
        entries[unsentIndex] = updated;
        this.updates.set(unsent.seq, updated);
      }
      return;
    }
    for (const entry of entries) if (entry.state === 'rejected' && entry.seq !== undefined) this.deletions.push(entry.seq);
    const added: OutboxEntry = { rev: crypto.randomUUID(), parent: head?.rev ?? null, kind, id: record.id, hlc, device: this.clock.deviceId, deleted, data, state: 'pending' };
    this.entries.set(key, [...entries.filter((entry) => entry.state !== 'rejected'), added]);
    this.additions.push(added);
  }

  /** Stores every revision made since the last write, and the clock. */
  async write(): Promise<void> {
    const outbox = this.tx.table<OutboxEntry, number>('outbox');
    const additions = this.additions;
    const writes: Promise<unknown>[] = [writeClock(this.tx, this.clock)];
    if (this.deletions.length > 0) writes.push(outbox.bulkDelete(this.deletions));
    if (this.updates.size > 0) writes.push(outbox.bulkPut([...this.updates.values()]));
    if (additions.length > 0) {
      writes.push(
        outbox.bulkAdd(additions, { allKeys: true }).then((seqs) => {
          // Later versions in this batch update these entries, as any stored pending entry.
          seqs.forEach((seq, index) => (additions[index]!.seq = seq));
        }),
      );
    }
    this.additions = [];
    this.deletions = [];
    this.updates.clear();
    await Promise.all(writes);
  }

  private remember(known: { entries: Map<string, OutboxEntry[]>; heads: Map<string, RecordHead | undefined> }): void {
    for (const [key, entries] of known.entries) this.entries.set(key, entries);
    for (const [key, head] of known.heads) this.heads.set(key, head);
  }

  private static async read(tx: Transaction, keys: readonly RevisionKey[]) {
    const outbox = tx.table<OutboxEntry, number>('outbox');
    const ids = [...new Set(keys.map((key) => key.id))];
    const synced = keys.filter((key) => !key.neverSynced).map((key) => recordHeadKey(key.kind, key.id));
    const [stored, heads] = await Promise.all([
      ids.length === 1 ? outbox.where('id').equals(ids[0]!).toArray() : outbox.where('id').anyOf(ids).toArray(),
      synced.length > 0 ? tx.table<RecordHead, string>('recordHeads').bulkGet(synced) : Promise.resolve([]),
    ]);
    const entries = new Map<string, OutboxEntry[]>(keys.map((key) => [recordHeadKey(key.kind, key.id), []]));
    for (const entry of stored) entries.get(recordHeadKey(entry.kind, entry.id))?.push(entry);
    return { entries, heads: new Map(synced.map((key, index) => [key, heads[index]])) };
  }
}

/** Puts one record's new version in the outbox, inside the caller's write transaction (see RevisionBatch). */
export async function enqueueRevision(
  tx: Transaction,
  kind: RecordKind,
  record: { id: string } & object,
  /** neverSynced: the record cannot have a confirmed head (the v2 upgrade, before recordHeads existed). */
  options: RevisionOptions & { neverSynced?: boolean } = {},
): Promise<void> {
  const batch = await RevisionBatch.open(tx, [{ kind, id: record.id, neverSynced: options.neverSynced }]);
  batch.add(kind, record, options);
  await batch.write();
}

/** Revisions the receiver does not have yet (never sent, or sent and unconfirmed). */
export async function countUnsyncedRevisions(tx: Pick<Transaction, 'table'>): Promise<number> {
  return tx.table<OutboxEntry, number>('outbox').where('state').anyOf('pending', 'sent').count();
}
