import { useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { GROUP_SERVICE_TYPES } from '../../domain/assistance-event';
import { useServices } from '../services';
import { ServiceForm } from '../services/ServiceForm';
import { submitEvents } from '../services/submit-events';
import { useAnalysis } from '../use-analysis';

/** One 招聘活动, 政策宣讲 or 岗位推介 session for many people: one event each, stored together. */
export function GroupServiceScreen() {
  const { db } = useServices();
  const villageId = useId();
  const [village, setVillage] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [recorded, setRecorded] = useState<string | null>(null);
  const everyone = useAnalysis((analysis) => analysis.search.people(''), []);
  const villages = useMemo(() => [...new Set((everyone ?? []).map((row) => row.village).filter(Boolean))], [everyone]);
  const shown = (everyone ?? []).filter((row) => !village || row.village === village);

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section aria-labelledby="group-title" className="screen">
      <h1 id="group-title">集体帮扶登记</h1>
      <p className="breadcrumb">
        <Link href="/owed">← 待帮扶</Link>
      </p>
      {recorded ? <p role="status" className="banner info-inline">{recorded}</p> : null}
      <ServiceForm
        types={GROUP_SERVICE_TYPES}
        defaultContact=""
        submitLabel={`为选中的 ${selected.size} 人记录`}
        onSubmit={async (draft) => {
          if (selected.size === 0) return '请至少选择一人';
          const failure = await submitEvents(db, [...selected].map((personId) => ({ ...draft, personId })));
          if (!failure) {
            setRecorded(`已为 ${selected.size} 人记录「${draft.type}」`);
            setSelected(new Set());
          }
          return failure;
        }}
      >
        <div className="field">
          <label htmlFor={villageId}>按村（社区）筛选</label>
          <select id={villageId} value={village} onChange={(event) => setVillage(event.target.value)}>
            <option value="">全部</option>
            {villages.map((name) => <option key={name}>{name}</option>)}
          </select>
        </div>
        <fieldset className="choice">
          <legend>参加人员（已选 {selected.size} 人）</legend>
          <button type="button" className="button small" onClick={() => setSelected(new Set([...selected, ...shown.map((row) => row.id)]))}>
            全选本村
          </button>
          <ul className="pick-list">
            {shown.map((row) => (
              <li key={row.id}>
                <label className="option">
                  <input type="checkbox" checked={selected.has(row.id)} onChange={(event) => toggle(row.id, event.target.checked)} />
                  <span>
                    {row.name || '未填姓名'}
                    <span className="muted"> {row.village}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </ServiceForm>
    </section>
  );
}
