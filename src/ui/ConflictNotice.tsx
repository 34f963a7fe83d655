import { useLiveQuery } from 'dexie-react-hooks';
import { PERSON_FIELD_LABELS } from '../domain/person-field-labels';
import type { RecordKind } from '../domain/revision';
import { listDifferences, resolveConflict } from '../sync/resolve-conflict';
import { useServices } from './services';

const HOUSEHOLD_LABELS: Record<string, string> = {
  county: '县（区）', township: '乡镇（街道）', village: '村（社区）', group: '屯（组）', number: '户编号', head: '户主',
  povertyAlleviated: '脱贫户', monitored: '监测对象', monitorType: '监测对象类型', riskRemoved: '风险已消除', relocated: '易地扶贫搬迁安置户',
};

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '（空）';
  if (Array.isArray(value)) return value.length ? value.map(show).join('、') : '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).map(show).join(' ');
  return String(value);
}

/**
 * 「有冲突」: the record was changed on two devices. Shows what differs and lets the cadre keep
 * this phone's version or take the other; `onResolved` lets an open form reload.
 */
export function ConflictNotice({ kind, id, onResolved }: { kind: RecordKind; id: string; onResolved?: () => void }) {
  const { db } = useServices();
  const conflict = useLiveQuery(() => db.conflicts.get(`${kind}:${id}`), [db, kind, id]);
  if (!conflict) return null;
  const labels = kind === 'person' ? PERSON_FIELD_LABELS : HOUSEHOLD_LABELS;
  const differences = listDifferences(conflict.ours, conflict.theirs.data);
  const choose = (choice: 'ours' | 'theirs') => void resolveConflict(db, conflict.key, choice).then(onResolved);
  return (
    <section className="banner warning conflict" aria-label="有冲突">
      <p>
        <strong>有冲突</strong>：此记录在另一台设备上也被修改过。请核实后选择保留哪一份。
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">项目</th>
            <th scope="col">本机</th>
            <th scope="col">另一台设备</th>
          </tr>
        </thead>
        <tbody>
          {differences.map((difference) => (
            <tr key={difference.field}>
              <th scope="row">{labels[difference.field] ?? difference.field}</th>
              <td>{show(difference.ours)}</td>
              <td>{show(difference.theirs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="button small" onClick={() => choose('ours')}>
          保留本机
        </button>
        <button type="button" className="button small" onClick={() => choose('theirs')}>
          采用另一台设备
        </button>
      </div>
    </section>
  );
}
