import { lazy, Suspense, useId, useState } from 'react';
import { Link } from 'wouter';
import { MODEL_TABLES } from '../../db/changed-tables';
import { PACE_LABELS } from '../../domain/progress';
import { TARGET_GROUP_LABELS, type TargetGroup } from '../../domain/targets';
import type { GroupProgress, UnitProgress } from '../../../workers/client';
import { TargetMismatches } from '../progress/TargetMismatches';
import { useAnalysis } from '../use-analysis';

// Chart code is office-only: it loads with this screen's first chart, not with the app.
const ProgressChart = lazy(() => import('../progress/ProgressChart'));

const GROUPS: TargetGroup[] = ['total', 'poverty'];

function percent(count: number, of: number | undefined): string {
  return of ? `${Math.round((count / of) * 1000) / 10}%` : '';
}

function GroupLine({ group, progress, reportDate }: { group: TargetGroup; progress: GroupProgress; reportDate: string }) {
  const { pace, pastMilestone } = progress;
  return (
    <div className="progress-group">
      <div className="line">
        <span>{TARGET_GROUP_LABELS[group]}</span>
        {pace ? <span className={`pace ${pace.status}`}>{PACE_LABELS[pace.status]}</span> : null}
      </div>
      <div className="line">
        <strong>
          {progress.employed}
          {progress.plan !== undefined ? ` / ${progress.plan} 人` : ' 人'}
        </strong>
        <span className="muted">
          {progress.plan !== undefined ? `完成 ${percent(progress.employed, progress.plan)}` : '未设目标'}
          {progress.stretch !== undefined ? ` · 奋斗目标 ${progress.stretch}` : ''}
        </span>
      </div>
      <span className="list-detail">
        劳动力 {progress.people} 人 · 稳定就业 6 个月以上 {progress.stable} 人
      </span>
      {pastMilestone && !pastMilestone.met ? (
        <span className="overdue">
          {pastMilestone.date.slice(5)} 前应达 {pastMilestone.required} 人（{Math.round(pastMilestone.share * 100)}%），差 {pastMilestone.required - progress.employed} 人
        </span>
      ) : null}
      {pace && pace.milestone.date >= reportDate ? (
        <span className="list-detail wrap">
          下一节点 {pace.milestone.date.slice(5)} 前应达 {pace.milestone.required} 人（{Math.round(pace.milestone.share * 100)}%），按目前进度届时约 {pace.projected} 人
        </span>
      ) : null}
    </div>
  );
}

function unitLabel(unit: Pick<UnitProgress, 'township' | 'village'>): string {
  return unit.village || unit.township || '未填乡镇';
}

/** 目标进度: 转移就业 against the year's targets and dated milestones, per township and village. */
export function ProgressScreen() {
  const thisYear = new Date().getFullYear();
  const yearId = useId();
  const groupId = useId();
  const [year, setYear] = useState(thisYear);
  const [group, setGroup] = useState<TargetGroup>('poverty');
  const [selected, setSelected] = useState<{ township?: string; village?: string }>({});
  const dashboard = useAnalysis((analysis) => analysis.progress.dashboard(year), [year], MODEL_TABLES);
  const series = useAnalysis((analysis) => analysis.progress.series(year, group, selected), [year, group, selected.township, selected.village], MODEL_TABLES);
  const selectedLabel = selected.township === undefined ? '全部' : unitLabel({ township: selected.township, village: selected.village ?? '' });

  return (
    <section aria-labelledby="progress-title" className="screen">
      <h1 id="progress-title">目标进度</h1>
      <div className="inline-fields">
        <div className="field">
          <label htmlFor={yearId}>年度</label>
          <select id={yearId} value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {[thisYear, thisYear - 1, thisYear - 2].map((option) => (
              <option key={option} value={option}>
                {option} 年
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={groupId}>图表口径</label>
          <select id={groupId} value={group} onChange={(event) => setGroup(event.target.value as TargetGroup)}>
            {GROUPS.map((option) => (
              <option key={option} value={option}>
                {TARGET_GROUP_LABELS[option]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Link href="/progress/targets" className="button wide">
        设置目标任务
      </Link>
      {dashboard === null ? (
        <p aria-busy="true">正在计算…</p>
      ) : (
        <>
          <p className="result-count" role="status">
            截至 {dashboard.reportDate}
            {dashboard.hasTargets ? '' : '，尚未设置目标任务'}
          </p>
          <TargetMismatches mismatches={dashboard.mismatches} />
          <div className="card">
            <h2>{selectedLabel} · {TARGET_GROUP_LABELS[group]}</h2>
            <Suspense fallback={<p aria-busy="true">正在载入图表…</p>}>
              {series ? <ProgressChart series={series} year={year} title={`${selectedLabel}${TARGET_GROUP_LABELS[group]}`} /> : null}
            </Suspense>
          </div>
          <ul className="list" aria-label="各乡镇、村进度">
            <li>
              <button type="button" className="card unit-button" aria-pressed={selected.township === undefined} onClick={() => setSelected({})}>
                <span className="unit-name">全部</span>
                {GROUPS.map((key) => <GroupLine key={key} group={key} progress={dashboard.overall[key]} reportDate={dashboard.reportDate} />)}
              </button>
            </li>
            {dashboard.units.map((unit) => (
              <li key={`${unit.township}|${unit.village}`} className={unit.village ? 'unit-village' : undefined}>
                <button
                  type="button"
                  className="card unit-button"
                  aria-pressed={selected.township === unit.township && (selected.village ?? '') === unit.village}
                  onClick={() => setSelected({ township: unit.township, village: unit.village })}
                >
                  <span className="unit-name">{unitLabel(unit)}</span>
                  {GROUPS.map((key) => <GroupLine key={key} group={key} progress={unit[key]} reportDate={dashboard.reportDate} />)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
