import { useId, useState } from 'react';
import { Link } from 'wouter';
import { RECORD_TABLES } from '../../db/changed-tables';
import { usePagedAnalysis } from '../use-paged-analysis';
import { VirtualList } from '../VirtualList';

function describeDeadline(daysLeft: number, deadline: string): string {
  if (daysLeft < 0) return `已逾期 ${-daysLeft} 天（${deadline}）`;
  if (daysLeft === 0) return `今天到期（${deadline}）`;
  return `剩 ${daysLeft} 天（${deadline}）`;
}

/** 「待帮扶」: who still owes what of the service package, the nearest deadline first. */
export function OwedScreen() {
  const villageId = useId();
  const contactId = useId();
  const [village, setVillage] = useState('');
  const [contact, setContact] = useState('');
  const paged = usePagedAnalysis((analysis, offset, limit) => analysis.services.owed({ village, assistanceContact: contact }, limit, offset), [village, contact], RECORD_TABLES);
  const list = paged.first;

  return (
    <section aria-labelledby="owed-title" className="screen people-screen">
      <h1 id="owed-title">待帮扶</h1>
      <div className="actions">
        <Link href="/services/group" className="button">
          集体帮扶登记
        </Link>
        <Link href="/callbacks" className="button">
          电话回访抽查
        </Link>
      </div>
      <div className="inline-fields">
        <div className="field">
          <label htmlFor={villageId}>村（社区）</label>
          <select id={villageId} value={village} onChange={(event) => setVillage(event.target.value)}>
            <option value="">全部</option>
            {list?.villages.map((name) => <option key={name}>{name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={contactId}>帮扶联系人</label>
          <select id={contactId} value={contact} onChange={(event) => setContact(event.target.value)}>
            <option value="">全部</option>
            {list?.assistanceContacts.map((name) => <option key={name}>{name}</option>)}
          </select>
        </div>
      </div>
      <p className="result-count" role="status">
        {list === null ? '正在计算…' : `${list.packageName}：${list.matching} 人待帮扶`}
      </p>
      <VirtualList
        items={paged.rows}
        rowHeight={136}
        label="待帮扶人员"
        getKey={(row) => row.personId}
        renderRow={(row) => (
          <Link href={`/people/${row.personId}/services`} className="list-item">
            <span className="list-title">
              {row.name || '未填姓名'}
              <span className="muted"> {[row.village, row.assistanceContact].filter(Boolean).join(' · ')}</span>
            </span>
            <span className={row.daysLeft < 0 ? 'overdue' : 'due'}>{describeDeadline(row.daysLeft, row.deadline)}</span>
            <span className="list-detail wrap">{row.tallyText}</span>
          </Link>
        )}
      />
      {list && list.matching > paged.rows.length ? (
        <button type="button" className="button wide" onClick={paged.more}>
          显示更多（已显示 {paged.rows.length} / {list.matching}）
        </button>
      ) : null}
    </section>
  );
}
