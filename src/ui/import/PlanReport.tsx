import { useEffect, useId, useState } from 'react';
import type { PlanOutline } from './roster-import-client';

/** Messages listed at a time: a long file's thousands of messages are read a page at a time. */
export const ISSUES_PER_PAGE = 100;

export type LoadIssues = (planId: number, level: 'error' | 'notice', offset: number, limit: number) => Promise<string[]>;

/** 检查结果: what the import would do and every row error in Chinese. Nothing is written here. */
export function PlanReport({ plan, checking, loadIssues }: { plan: PlanOutline; checking: boolean; loadIssues: LoadIssues }) {
  const id = useId();
  const { summary } = plan;
  const figures = [
    { label: '新增', value: summary.added, unit: '人' },
    { label: '更新', value: summary.updated, unit: '人' },
    { label: '无变化', value: summary.unchanged, unit: '人' },
    { label: '有错误', value: summary.errorRows, unit: '行', alert: summary.errorRows > 0 },
  ];

  return (
    <section className="card" aria-labelledby={`${id}-title`} aria-busy={checking}>
      <h2 id={`${id}-title`}>检查结果</h2>
      <dl className="figures compact" aria-label="导入汇总">
        {figures.map((figure) => (
          <div className={figure.alert ? 'figure alert' : 'figure'} key={figure.label}>
            <dt>{figure.label}</dt>
            <dd>
              {figure.value} <span className="unit">{figure.unit}</span>
            </dd>
          </div>
        ))}
      </dl>
      {summary.householdsAdded > 0 ? <p className="muted">将新建 {summary.householdsAdded} 户。</p> : null}

      {plan.errors > 0 ? (
        <section aria-labelledby={`${id}-errors`}>
          <h3 id={`${id}-errors`}>错误（{summary.errorRows} 行，这些行不会导入）</h3>
          <IssuePages key={plan.id} planId={plan.id} level="error" count={plan.errors} label="错误" loadIssues={loadIssues} />
        </section>
      ) : (
        <p className="muted">没有发现错误。</p>
      )}

      {plan.notices > 0 ? (
        <details className="notices">
          <summary>已自动整理 {plan.notices} 处（全角数字、多余空格等）</summary>
          <IssuePages key={plan.id} planId={plan.id} level="notice" count={plan.notices} label="整理说明" loadIssues={loadIssues} />
        </details>
      ) : null}
    </section>
  );
}

/** One page of a plan's messages, with 上一页 / 下一页 when there are more. */
function IssuePages({ planId, level, count, label, loadIssues }: { planId: number; level: 'error' | 'notice'; count: number; label: string; loadIssues: LoadIssues }) {
  const [page, setPage] = useState(0);
  const [lines, setLines] = useState<{ page: number; lines: string[] } | null>(null);
  useEffect(() => {
    let current = true;
    void loadIssues(planId, level, page * ISSUES_PER_PAGE, ISSUES_PER_PAGE).then(
      (loaded) => {
        if (current) setLines({ page, lines: loaded });
      },
      // A newer plan replaced this one: its own list takes over.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [planId, level, page, loadIssues]);

  const pages = Math.ceil(count / ISSUES_PER_PAGE);
  const first = page * ISSUES_PER_PAGE + 1;
  const last = Math.min(count, (page + 1) * ISSUES_PER_PAGE);
  return (
    <>
      <ul className={level === 'error' ? 'issues errors-list' : 'issues'} aria-busy={lines?.page !== page}>
        {(lines?.lines ?? []).map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
      {pages > 1 ? (
        <div className="issue-pages" role="group" aria-label={`${label}分页`}>
          <button type="button" className="button small" disabled={page === 0} onClick={() => setPage(page - 1)}>
            上一页
          </button>
          <span className="muted">
            第 {first}–{last} 条，共 {count} 条
          </span>
          <button type="button" className="button small" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            下一页
          </button>
        </div>
      ) : null}
    </>
  );
}

interface ImportActionsProps {
  plan: PlanOutline;
  checking: boolean;
  progress: { done: number; total: number } | null;
  writeError: string | null;
  onAccept: () => void;
  onCancel: () => void;
}

/** The one button that writes, kept at the thumb above the tab bar; the progress bar takes its place while writing. */
export function ImportActions({ plan, checking, progress, writeError, onAccept, onCancel }: ImportActionsProps) {
  const id = useId();
  const { summary } = plan;
  const toWrite = summary.added + summary.updated;
  return (
    <div className="import-actions" role="group" aria-label="导入操作">
      {writeError ? (
        <p role="alert" className="banner error">
          {writeError}
        </p>
      ) : null}
      {progress ? (
        <div className="import-progress">
          <label htmlFor={`${id}-progress`}>
            正在导入 {progress.done} / {progress.total}
          </label>
          <progress id={`${id}-progress`} max={progress.total} value={progress.done} />
        </div>
      ) : (
        <div className="import-buttons">
          {checking ? (
            <p className="muted" aria-busy="true">
              正在按新的列对应重新检查…
            </p>
          ) : toWrite === 0 ? (
            <p className="muted">{summary.errorRows > 0 && summary.unchanged === 0 ? '所有行都有错误：请改好文件后重新选择。' : '没有需要写入的变化。'}</p>
          ) : (
            <button type="button" className="button primary" onClick={onAccept}>
              {summary.errorRows > 0 ? `跳过错误，导入 ${toWrite} 人` : `确认导入 ${toWrite} 人`}
            </button>
          )}
          <button type="button" className="button" onClick={onCancel}>
            取消
          </button>
        </div>
      )}
    </div>
  );
}
