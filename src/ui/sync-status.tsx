import { useLiveQuery } from 'dexie-react-hooks';
import type { RecordKind } from '../domain/revision';
import { useServices } from './services';

/** 未同步 / 已同步 / 被拒绝（原因） for one record, from its outbox entries. */
export function SyncBadge({ kind, id }: { kind: RecordKind; id: string }) {
  const { db } = useServices();
  const entries = useLiveQuery(() => db.outbox.where('id').equals(id).filter((entry) => entry.kind === kind).toArray(), [db, kind, id]);
  if (!entries) return null;
  const rejected = entries.find((entry) => entry.state === 'rejected');
  if (rejected) return <span className="sync-badge rejected">被拒绝（{rejected.error?.message ?? '原因未知'}）</span>;
  if (entries.length > 0) return <span className="sync-badge pending">未同步</span>;
  return <span className="sync-badge synced">已同步</span>;
}
