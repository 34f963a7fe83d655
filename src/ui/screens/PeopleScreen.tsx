import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { PersonRow } from '../../../workers/client';
import { useServices } from '../services';
import { SurveyStateBadge } from '../SurveyStateBadge';
import { usePeopleChanges, usePeoplePages } from '../use-people-list';
import { VirtualList } from '../VirtualList';

const ROW_HEIGHT = 84;
const SEARCH_LIMIT = 50;

/** Masks the middle of an ID number on screen: enough to tell people apart at the door. */
function maskIdNumber(idNumber: string): string {
  return idNumber.length === 18 ? `${idNumber.slice(0, 6)}********${idNumber.slice(14)}` : idNumber;
}

function PersonLine({ row }: { row: PersonRow }) {
  return (
    <Link href={`/people/${row.id}`} className="list-item">
      <span className="list-title">
        {row.name || '未填姓名'} <SurveyStateBadge state={row.state} />
      </span>
      <span className="list-detail">
        {[row.village, row.householdHead && `户主 ${row.householdHead}`, maskIdNumber(row.idNumber)].filter(Boolean).join(' · ')}
      </span>
    </Link>
  );
}

/** The status line; a search's names the query its rows answer, so each answer shows (and is announced) even when the rows stay the same. */
function describeCount(found: { query: string; rows: readonly PersonRow[] } | null, searching: boolean, total: number | null): string {
  if (searching) {
    if (found === null) return '正在查找…';
    const shown = found.rows.length >= SEARCH_LIMIT ? `，显示前 ${SEARCH_LIMIT} 名` : '';
    return `找到 ${found.rows.length} 人（查找「${found.query.trim()}」${shown}）`;
  }
  return total === null ? '正在读取…' : `共 ${total} 人`;
}

/** 人员: everyone by village and name, a page at a time, or the best matches for what is typed. */
export function PeopleScreen() {
  const { analysis } = useServices();
  const searchId = useId();
  // The box is left to the browser: a key asks the worker at once and redraws nothing until the
  // answer comes (React draws the screen again only when searching starts or stops).
  const [searching, setSearching] = useState(false);
  const [found, setFound] = useState<{ query: string; rows: PersonRow[] } | null>(null);
  const version = usePeopleChanges();
  const everyone = usePeoplePages('', version);
  const asked = useRef({ query: '', ticket: 0 });

  const search = useCallback(
    (text: string) => {
      const ticket = ++asked.current.ticket;
      asked.current.query = text;
      setSearching(text.trim() !== '');
      if (!text.trim()) {
        setFound(null);
        return;
      }
      void analysis.search.people(text, SEARCH_LIMIT).then((rows) => {
        // Answers can overtake each other: show only the one for the latest question.
        if (asked.current.ticket === ticket) setFound({ query: text, rows });
      });
    },
    [analysis],
  );

  useEffect(() => {
    if (version > 0 && asked.current.query.trim()) search(asked.current.query);
  }, [version, search]);

  const renderRow = (row: PersonRow) => <PersonLine row={row} />;
  const getKey = (row: PersonRow) => row.id;
  return (
    <section aria-labelledby="people-title" className="screen people-screen">
      <h1 id="people-title">人员</h1>
      <div className="field">
        <label htmlFor={searchId}>查找（姓名、拼音首字母、身份证号、电话、户编号）</label>
        <input id={searchId} type="search" defaultValue="" onChange={(event) => search(event.target.value)} autoComplete="off" enterKeyHint="search" />
      </div>
      <p className="result-count" role="status">
        {describeCount(found, searching, everyone.total)}
      </p>
      {searching ? (
        <VirtualList items={found?.rows ?? []} rowHeight={ROW_HEIGHT} label="人员列表" getKey={getKey} renderRow={renderRow} />
      ) : (
        <VirtualList count={everyone.total ?? 0} itemAt={everyone.rowAt} onRangeChange={everyone.show} rowHeight={ROW_HEIGHT} label="人员列表" getKey={getKey} renderRow={renderRow} />
      )}
    </section>
  );
}
