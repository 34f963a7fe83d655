import { z } from 'zod';
import type { FieldbookDatabase } from '../db/database';
import { recordHeadKey } from '../db/outbox';
import { RevisionSchema, type Revision } from '../domain/revision';
import { applyRevisions, type ApplyReport } from './apply-revisions';

/**
 * 「导出备份」 / 「导入备份」: the handover when no sync is possible for days (a USB cable, a
 * WeChat file). The file holds revisions exactly as the outbox would send them.
 */
export const BackupFileSchema = z.object({
  format: z.literal('fieldbook-backup'),
  version: z.literal(1),
  exportedAt: z.iso.datetime(),
  revisions: z.array(RevisionSchema),
});
export type BackupFile = z.infer<typeof BackupFileSchema>;

function toRevision(entry: Revision): Revision {
  const { rev, parent, kind, id, hlc, device, deleted, data } = entry;
  return { rev, parent, kind, id, hlc, device, deleted, data };
}

/** Everything not yet synced, or (`all`) every record as its latest revision. */
export async function exportBackup(db: FieldbookDatabase, scope: 'unsynced' | 'all', now = new Date()): Promise<BackupFile> {
  const outbox = await db.outbox.orderBy('seq').toArray();
  const revisions = outbox.map(toRevision);
  if (scope === 'all') {
    const inOutbox = new Set(outbox.map((entry) => recordHeadKey(entry.kind, entry.id)));
    const heads = new Map((await db.recordHeads.toArray()).map((head) => [head.key, head]));
    const [households, people, events] = await Promise.all([db.households.toArray(), db.people.toArray(), db.events.toArray()]);
    const records = [
      ...households.map((record) => ['household', record] as const),
      ...people.map((record) => ['person', record] as const),
      ...events.map((record) => ['event', record] as const),
    ];
    const confirmed = records.flatMap(([kind, record]): Revision[] => {
      const key = recordHeadKey(kind, record.id);
      const head = heads.get(key);
      // A confirmed, unchanged record travels as exactly the revision the receiver has, so it is never stored twice.
      if (inOutbox.has(key) || !head?.hlc || !head.device) return [];
      return [{ rev: head.rev, parent: head.parent ?? null, kind, id: record.id, hlc: head.hlc, device: head.device, deleted: false, data: { ...record } }];
    });
    revisions.unshift(...confirmed);
  }
  return { format: 'fieldbook-backup', version: 1, exportedAt: now.toISOString(), revisions };
}

export class BackupFileError extends Error {}

/** Reads a backup file; a file that is not one gets a Chinese message, and nothing is stored. */
export async function importBackup(db: FieldbookDatabase, text: string): Promise<ApplyReport> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupFileError('文件不是入户台账备份（无法读取 JSON）');
  }
  const parsed = BackupFileSchema.safeParse(json);
  if (!parsed.success) throw new BackupFileError('文件不是入户台账备份，或已损坏');
  return applyRevisions(db, parsed.data.revisions, { forward: true });
}
