import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { PersonRow } from '../../../workers/client';
import { useServices } from '../services';
import { SurveyStateBadge } from '../SurveyStateBadge';
import { VirtualList } from '../VirtualList';

const ROW_HEIGHT = 84;

/** Masks the middle of an ID number on screen: enough to tell people apart at the door. */
function maskIdNumber(idNumber: string): string {
  return idNumber.length === 18 ? `${idNumber.slice(0, 6)}********${idNumber.slice(14)}` : idNumber;
}

export function PeopleScreen() {
  const { analysis } = useServices();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<PersonRow[] | null>(null);
  const latestQuery = useRef(query);

  useEffect(() => {
    latestQuery.current = query;
    void analysis.search.people(query).then((result) => {
      // Answers can overtake each other: show only the one for what is in the box now.
      if (latestQuery.current === query) setRows(result);
    });
  }, [analysis, query]);

  return (
    <section aria-labelledby="people-title" className="screen people-screen">
      <h1 id="people-title">人员</h1>
      <div className="field">
        <label htmlFor={searchId}>查找（姓名、拼音首字母、身份证号、电话、户编号）</label>
        <input id={searchId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" enterKeyHint="search" />
      </div>
      <p className="result-count" role="status">
        {rows === null ? '正在读取…' : query.trim() ? `找到 ${rows.length} 人${rows.length >= 50 ? '（显示前 50 名）' : ''}` : `共 ${rows.length} 人`}
      </p>
      <VirtualList
        items={rows ?? []}
        rowHeight={ROW_HEIGHT}
        label="人员列表"
        getKey={(row) => row.id}
        renderRow={(row) => (
          <Link href={`/people/${row.id}`} className="list-item">
            <span className="list-title">
              {row.name || '未填姓名'} <SurveyStateBadge state={row.state} />
            </span>
            <span className="list-detail">
              {[row.village, row.householdHead && `户主 ${row.householdHead}`, maskIdNumber(row.idNumber)].filter(Boolean).join(' · ')}
            </span>
          </Link>
        )}
      />
    </section>
  );
}
