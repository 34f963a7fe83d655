import type { Transaction } from 'dexie';
import type { FieldbookDatabase, OutboxEntry, SettingRow } from '../db/database';
import { outboxTables, recordHeadKey } from '../db/outbox';
import { AssistanceEventSchema } from '../domain/assistance-event';
import { HouseholdSchema } from '../domain/household';
import { PersonSchema } from '../domain/person';
import { formatHlc, parseHlc, receiveHlc } from '../domain/hlc';
import type { Revision } from '../domain/revision';
import { pickCurrentRevision } from '../domain/sync-protocol';

export interface ApplyReport {
  applied: number;
  /** Already on this phone (same rev), or older than what the phone holds. */
  skipped: number;
  invalid: { rev: string; message: string }[];
}

function parseRecord(revision: Revision) {
  switch (revision.kind) {
    case 'household':
      return HouseholdSchema.safeParse(revision.data);
    case 'person':
      return PersonSchema.safeParse(revision.data);
    case 'event':
      return AssistanceEventSchema.safeParse(revision.data);
  }
}

function tableFor(db: FieldbookDatabase, kind: Revision['kind']) {
  return kind === 'household' ? db.households : kind === 'person' ? db.people : db.events;
}

function versionOf(record: { updatedAt?: string; createdAt: string }): string {
  return record.updatedAt ?? record.createdAt;
}

/**
 * One revision from the receiver. The highest clock is the current version on every device.
 * A revision that does not build on what this phone last confirmed, or that meets an unsent
 * local edit, is a conflict (「有冲突」): kept until a person chooses. One that builds on it
 * moves the record on and settles any conflict (someone chose).
 */
async function receiveFromReceiver(db: FieldbookDatabase, revision: Revision, data: object): Promise<boolean> {
  const key = recordHeadKey(revision.kind, revision.id);
  const table = tableFor(db, revision.kind);
  const [head, local, localEdits] = await Promise.all([
    db.recordHeads.get(key),
    table.get(revision.id) as Promise<Record<string, unknown> | undefined>,
    db.outbox.where('id').equals(revision.id).filter((entry) => entry.kind === revision.kind && entry.state !== 'rejected').count(),
  ]);
  const wins = !head?.hlc || pickCurrentRevision([{ hlc: head.hlc, device: head.device ?? '' }, revision]) === revision;
  const buildsOnHead = !head || revision.parent === head.rev;
  if (wins) await db.recordHeads.put({ key, rev: revision.rev, parent: revision.parent, hlc: revision.hlc, device: revision.device });
  if (revision.kind !== 'event' && local && (localEdits > 0 || !buildsOnHead)) {
    await db.conflicts.put({ key, kind: revision.kind, id: revision.id, ours: local, theirs: revision, detectedAt: new Date().toISOString() });
    if (localEdits > 0) return false;
  } else if (buildsOnHead) {
    await db.conflicts.delete(key);
  }
  if (!wins) return false;
  await table.put(data as never);
  return true;
}

/** Moves this phone's clock past one seen from another device, so its next edit sorts later. */
async function observeClock(tx: Transaction, remote: string): Promise<void> {
  let seen;
  try {
    seen = parseHlc(remote);
  } catch {
    return; // Another client's clock format: nothing to learn from it.
  }
  const settings = tx.table<SettingRow, string>('settings');
  const stored = (await settings.get('hlc'))?.value;
  const local = typeof stored === 'string' ? parseHlc(stored) : null;
  await settings.put({ key: 'hlc', value: formatHlc(receiveHlc(local, seen, Date.now()), local?.deviceId ?? seen.deviceId) });
}

/**
 * Brings revisions from elsewhere (a backup file, the receiver's changes) into this phone, in
 * one transaction. A revision whose rev the phone already knows is skipped, so importing the
 * same file twice adds nothing; an older version never replaces a newer one. With `forward`,
 * new revisions are kept in the outbox unchanged (same rev), so this phone passes them on and
 * the receiver, which stores each rev once, never duplicates them.
 */
export async function applyRevisions(db: FieldbookDatabase, revisions: readonly Revision[], options: { forward: boolean }): Promise<ApplyReport> {
  const report: ApplyReport = { applied: 0, skipped: 0, invalid: [] };
  await db.transaction('rw', [db.households, db.people, db.events, db.conflicts, ...outboxTables(db)], async (tx) => {
    // A file may repeat anything this phone holds; the receiver's feed only needs own revisions skipped.
    const knownRevs = new Set<string>();
    if (options.forward) {
      for (const entry of await db.outbox.toArray()) knownRevs.add(entry.rev);
      for (const head of await db.recordHeads.toArray()) knownRevs.add(head.rev);
    }
    const ownDevice = (await db.settings.get('deviceId'))?.value;
    for (const revision of revisions) {
      if (!options.forward) await observeClock(tx, revision.hlc);
      if (knownRevs.has(revision.rev) || (!options.forward && revision.device === ownDevice)) {
        report.skipped += 1;
        continue;
      }
      const parsed = parseRecord(revision);
      if (!parsed.success) {
        report.invalid.push({ rev: revision.rev, message: parsed.error.issues.map((issue) => `${issue.path.join('.')}：${issue.message}`).join('；') });
        continue;
      }
      if (options.forward) {
        // From a file: the newer record wins, and the revision is passed on unchanged.
        const table = tableFor(db, revision.kind);
        const local = (await table.get(revision.id)) as { updatedAt?: string; createdAt: string } | undefined;
        if (!local || versionOf(parsed.data as { createdAt: string }) > versionOf(local)) {
          await table.put(parsed.data as never);
          report.applied += 1;
        } else {
          report.skipped += 1;
        }
        await db.outbox.add({ ...revision, state: 'sent' } satisfies OutboxEntry);
      } else if (await receiveFromReceiver(db, revision, parsed.data)) {
        report.applied += 1;
      } else {
        report.skipped += 1;
      }
      knownRevs.add(revision.rev);
    }
  });
  return report;
}
