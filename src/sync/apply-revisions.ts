import type { FieldbookDatabase, OutboxEntry } from '../db/database';
import { outboxTables, recordHeadKey } from '../db/outbox';
import { AssistanceEventSchema } from '../domain/assistance-event';
import { HouseholdSchema } from '../domain/household';
import { PersonSchema } from '../domain/person';
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
 * Brings revisions from elsewhere (a backup file, the receiver's changes) into this phone, in
 * one transaction. A revision whose rev the phone already knows is skipped, so importing the
 * same file twice adds nothing; an older version never replaces a newer one. With `forward`,
 * new revisions are kept in the outbox unchanged (same rev), so this phone passes them on and
 * the receiver, which stores each rev once, never duplicates them.
 */
export async function applyRevisions(db: FieldbookDatabase, revisions: readonly Revision[], options: { forward: boolean }): Promise<ApplyReport> {
  const report: ApplyReport = { applied: 0, skipped: 0, invalid: [] };
  await db.transaction('rw', [db.households, db.people, db.events, ...outboxTables(db)], async () => {
    const knownRevs = new Set((await db.outbox.toArray()).map((entry) => entry.rev));
    for (const head of await db.recordHeads.toArray()) knownRevs.add(head.rev);
    for (const revision of revisions) {
      if (knownRevs.has(revision.rev)) {
        report.skipped += 1;
        continue;
      }
      const parsed = parseRecord(revision);
      if (!parsed.success) {
        report.invalid.push({ rev: revision.rev, message: parsed.error.issues.map((issue) => `${issue.path.join('.')}：${issue.message}`).join('；') });
        continue;
      }
      const table = tableFor(db, revision.kind);
      const local = (await table.get(revision.id)) as { updatedAt?: string; createdAt: string } | undefined;
      const record = parsed.data as { updatedAt?: string; createdAt: string };
      const head = await db.recordHeads.get(recordHeadKey(revision.kind, revision.id));
      const hasLocalEdit = await db.outbox.where('id').equals(revision.id).filter((entry) => entry.kind === revision.kind).count();
      // From the receiver: the highest clock wins (as on every device), and an unsent local
      // edit is kept until it is sent. From a file: the newer record wins.
      const isNewer = options.forward
        ? !local || versionOf(record) > versionOf(local)
        : hasLocalEdit === 0 && (!head?.hlc || pickCurrentRevision([{ hlc: head.hlc, device: head.device ?? '' }, revision]) === revision);
      if (isNewer) {
        await table.put(parsed.data as never);
        report.applied += 1;
      } else {
        report.skipped += 1;
      }
      if (options.forward) {
        await db.outbox.add({ ...revision, state: 'sent' } satisfies OutboxEntry);
      } else if (isNewer || !head) {
        await db.recordHeads.put({ key: recordHeadKey(revision.kind, revision.id), rev: revision.rev, parent: revision.parent, hlc: revision.hlc, device: revision.device });
      }
      knownRevs.add(revision.rev);
    }
  });
  return report;
}
