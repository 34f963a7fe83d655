import { useId } from 'react';
import { formatIssue, type ImportPlan } from '../../import/import-plan';

const LISTED_ISSUES = 200;

/** 检查结果: what the import would do and every row error in Chinese. Nothing is written here. */
export function PlanReport({ plan }: { plan: ImportPlan }) {
  const id = useId();
  const { summary } = plan;
  const errors = plan.issues.filter((issue) => issue.level === 'error');
  const notices = plan.issues.filter((issue) => issue.level === 'notice');
  const figures = [
    { label: '新增', value: `${summary.added} 人` },
    { label: '更新', value: `${summary.updated} 人` },
    { label: '无变化', value: `${summary.unchanged} 人` },
    { label: '有错误', value: `${summary.errorRows} 行`, alert: summary.errorRows > 0 },
  ];

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>检查结果</h2>
      <dl className="figures compact" aria-label="导入汇总">
        {figures.map((figure) => (
          <div className={figure.alert ? 'figure alert' : 'figure'} key={figure.label}>
            <dt>{figure.label}</dt>
            <dd>{figure.value}</dd>
          </div>
        ))}
      </dl>
      {summary.householdsAdded > 0 ? <p className="muted">将新建 {summary.householdsAdded} 户。</p> : null}

      {errors.length > 0 ? (
        <section aria-labelledby={`${id}-errors`}>
          <h3 id={`${id}-errors`}>错误（{summary.errorRows} 行，这些行不会导入）</h3>
          <ul className="issues errors-list">
            {errors.slice(0, LISTED_ISSUES).map((issue, index) => (
              <li key={index}>{formatIssue(issue)}</li>
            ))}
          </ul>
          {errors.length > LISTED_ISSUES ? <p className="muted">另有 {errors.length - LISTED_ISSUES} 条错误未列出。</p> : null}
        </section>
      ) : (
        <p className="muted">没有发现错误。</p>
      )}

      {notices.length > 0 ? (
        <details className="notices">
          <summary>已自动整理 {notices.length} 处（全角数字、多余空格等）</summary>
          <ul className="issues">
            {notices.slice(0, LISTED_ISSUES).map((issue, index) => (
              <li key={index}>{formatIssue(issue)}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

interface ImportActionsProps {
  plan: ImportPlan;
  progress: { done: number; total: number } | null;
  writeError: string | null;
  onAccept: () => void;
  onCancel: () => void;
}

/** The one button that writes, kept at the thumb above the tab bar; the progress bar takes its place while writing. */
export function ImportActions({ plan, progress, writeError, onAccept, onCancel }: ImportActionsProps) {
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
          {toWrite === 0 ? (
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
