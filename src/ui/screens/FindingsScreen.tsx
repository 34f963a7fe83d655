import { useState } from 'react';
import { Link } from 'wouter';
import { MODEL_TABLES } from '../../db/changed-tables';
import { describeCheck, LEVEL_NAMES } from '../../domain/check-codes';
import { PERSON_FIELD_LABELS } from '../../domain/person-field-labels';
import type { FindingRow, FindingsSummary } from '../../../workers/client';
import { useAnalysis } from '../use-analysis';
import { usePagedAnalysis } from '../use-paged-analysis';
import { VirtualList } from '../VirtualList';

interface Filter {
  township?: string;
  village?: string;
  code?: string;
}

/** The field a finding is about, as the form names it; the household's and the 帮扶 page's own. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  ...PERSON_FIELD_LABELS,
  services: '帮扶服务',
  zeroEmploymentSince: '零就业家庭',
  relocated: '易地扶贫搬迁安置户',
};

function linkTo(row: FindingRow): string {
  if (row.kind === 'household') return `/households/${row.recordId}`;
  return row.field === 'services' ? `/people/${row.recordId}/services` : `/people/${row.recordId}`;
}

function villageName(group: { township: string; village: string }): string {
  return [group.township, group.village].filter(Boolean).join(' ') || '未填村';
}

function Groups({ summary, by, onPick }: { summary: FindingsSummary; by: 'village' | 'check'; onPick: (filter: Filter) => void }) {
  if (by === 'check') {
    return (
      <ul className="group-list" aria-label="按疑点类型">
        {summary.byCheck.map((check) => (
          <li key={`${check.code}-${check.level}`}>
            <button type="button" className="group-button" onClick={() => onPick({ code: check.code })}>
              <span>
                <span className={`level ${check.level}`}>{LEVEL_NAMES[check.level]}</span> {check.checkName}
              </span>
              <strong>{check.count}</strong>
            </button>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="group-list" aria-label="按村">
      {summary.byVillage.map((group) => (
        <li key={`${group.township}|${group.village}`}>
          <button type="button" className="group-button" onClick={() => onPick({ township: group.township, village: group.village })}>
            <span>
              {villageName(group)}
              <span className="list-detail"> {group.checks.map((check) => `${check.checkName} ${check.count}`).join('，')}</span>
            </span>
            <strong>{group.count}</strong>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** 疑点: every finding over the phone's data, grouped by village or by check, each opening its record. */
export function FindingsScreen() {
  const [by, setBy] = useState<'village' | 'check'>('village');
  const [filter, setFilter] = useState<Filter | null>(null);
  const summary = useAnalysis((analysis) => analysis.findings.summary(), [], MODEL_TABLES);
  const list = usePagedAnalysis(
    (analysis, offset, limit) => (filter ? analysis.findings.list(filter, offset, limit) : Promise.resolve({ rows: [] as FindingRow[], total: 0 })),
    [filter?.township, filter?.village, filter?.code],
    MODEL_TABLES,
  );
  const pick = (next: Filter | null) => setFilter(next);

  return (
    <section aria-labelledby="findings-title" className="screen people-screen">
      <h1 id="findings-title">疑点</h1>
      <p className="result-count" role="status">
        {summary === null ? '正在检查全部记录…' : summary.total === 0 ? '没有疑点' : `共 ${summary.total} 条：错误 ${summary.errors} 条，提醒 ${summary.warnings} 条`}
      </p>
      {filter ? (
        <>
          <div className="chips">
            {filter.village !== undefined ? <span className="chip">村：{villageName({ township: filter.township ?? '', village: filter.village })}</span> : null}
            {filter.code ? <span className="chip">{describeCheck(filter.code)}</span> : null}
            <button type="button" className="button small" onClick={() => pick(null)}>
              返回分组
            </button>
          </div>
          <VirtualList
            items={list.rows}
            rowHeight={118}
            label="疑点记录"
            getKey={(row) => `${row.kind}-${row.recordId}-${row.code}-${row.field}-${row.message}`}
            renderRow={(row) => (
              <Link href={linkTo(row)} className="list-item">
                <span className="list-title">
                  <span className={`level ${row.level}`}>{LEVEL_NAMES[row.level]}</span> {row.name || '未填姓名'}
                  <span className="muted"> {row.kind === 'household' ? '户 · ' : ''}{row.village}</span>
                </span>
                <span className="list-detail">
                  {describeCheck(row.code)}
                  {FIELD_LABELS[row.field] ? ` · ${FIELD_LABELS[row.field]}` : ''}
                </span>
                <span className="list-detail wrap">{row.message}</span>
              </Link>
            )}
          />
          {list.first && list.first.total > list.rows.length ? (
            <button type="button" className="button wide" onClick={list.more}>
              显示更多（已显示 {list.rows.length} / {list.first.total}）
            </button>
          ) : null}
        </>
      ) : summary && summary.total > 0 ? (
        <>
          <div className="segmented" role="group" aria-label="分组方式">
            <button type="button" aria-pressed={by === 'village'} onClick={() => setBy('village')}>
              按村
            </button>
            <button type="button" aria-pressed={by === 'check'} onClick={() => setBy('check')}>
              按疑点类型
            </button>
          </div>
          <Groups summary={summary} by={by} onPick={pick} />
        </>
      ) : null}
    </section>
  );
}
