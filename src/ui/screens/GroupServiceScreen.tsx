import { useId, useState } from 'react';
import { Link } from 'wouter';
import { GROUP_SERVICE_TYPES } from '../../domain/assistance-event';
import { useServices } from '../services';
import { ServiceForm } from '../services/ServiceForm';
import { submitEvents } from '../services/submit-events';
import { usePeopleChanges, usePeoplePages } from '../use-people-list';
import { VirtualList } from '../VirtualList';

const PICK_ROW_HEIGHT = 56;

/** One 招聘活动, 政策宣讲 or 岗位推介 session for many people: one event each, stored together. */
export function GroupServiceScreen() {
  const { db, analysis } = useServices();
  const villageId = useId();
  const [village, setVillage] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [recorded, setRecorded] = useState<string | null>(null);
  const people = usePeoplePages(village, usePeopleChanges());

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const selectShown = () => {
    void analysis.search.ids({ village }).then((ids) => setSelected((current) => new Set([...current, ...ids])));
  };

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
            {people.villages.map((name) => <option key={name}>{name}</option>)}
          </select>
        </div>
        <fieldset className="choice">
          <legend>参加人员（已选 {selected.size} 人）</legend>
          <button type="button" className="button small" onClick={selectShown}>
            全选本村
          </button>
          <VirtualList
            count={people.total ?? 0}
            itemAt={people.rowAt}
            onRangeChange={people.show}
            rowHeight={PICK_ROW_HEIGHT}
            label="参加人员"
            className="pick-list"
            getKey={(row) => row.id}
            renderRow={(row) => (
              <label className="option">
                <input type="checkbox" checked={selected.has(row.id)} onChange={(event) => toggle(row.id, event.target.checked)} />
                <span>
                  {row.name || '未填姓名'}
                  <span className="muted"> {row.village}</span>
                </span>
              </label>
            )}
          />
        </fieldset>
      </ServiceForm>
    </section>
  );
}
