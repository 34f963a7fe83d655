import { useEffect, useId, useState } from 'react';
import { Link } from 'wouter';
import { loadTargetPlan, saveTargetPlan } from '../../db/targets';
import {
  DEFAULT_MILESTONES,
  findTargetMismatches,
  parseTargetTable,
  TARGET_FIGURE_LABELS,
  TARGET_GROUP_LABELS,
  TargetPlanSchema,
  withFigure,
  type Milestone,
  type PastedTargetTable,
  type TargetFigureKey,
  type TargetFigures,
  type TargetGroup,
  type TargetPlan,
} from '../../domain/targets';
import { TargetMismatches } from '../progress/TargetMismatches';
import { useServices } from '../services';

const UNIT_FIGURES: TargetFigureKey[] = ['otherLabour', 'povertyPlan', 'povertyStretch', 'totalPlan', 'totalStretch'];
const STATED_FIGURES: TargetFigureKey[] = ['totalPlan', 'povertyPlan', 'povertyStretch'];

function NumberField({ label, value, onChange }: { label: string; value: number | undefined; onChange: (value: number | undefined) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={0}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? undefined : Math.max(0, Math.floor(Number(event.target.value))))}
      />
    </div>
  );
}

function TextInput({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

function FiguresFields({ figures, keys, prefix, onChange }: { figures: TargetFigures; keys: TargetFigureKey[]; prefix: string; onChange: (figures: TargetFigures) => void }) {
  return (
    <div className="inline-fields">
      {keys.map((key) => (
        <NumberField key={key} label={`${prefix}${TARGET_FIGURE_LABELS[key]}`} value={figures[key]} onChange={(value) => onChange(withFigure(figures, key, value))} />
      ))}
    </div>
  );
}

function MilestonesFields({ group, milestones, onChange }: { group: TargetGroup; milestones: Milestone[]; onChange: (milestones: Milestone[]) => void }) {
  return (
    <fieldset>
      <legend>{TARGET_GROUP_LABELS[group]}时间节点</legend>
      {milestones.map((milestone, index) => (
        <div className="inline-fields" key={index}>
          <TextInput label={`第 ${index + 1} 个节点日期（月-日）`} value={milestone.date} onChange={(date) => onChange(milestones.map((m, i) => (i === index ? { ...m, date } : m)))} />
          <NumberField
            label={`第 ${index + 1} 个节点累计完成（%）`}
            value={Math.round(milestone.share * 100)}
            onChange={(value) => onChange(milestones.map((m, i) => (i === index ? { ...m, share: (value ?? 0) / 100 } : m)))}
          />
        </div>
      ))}
      <div className="actions">
        <button type="button" className="button small" onClick={() => onChange([...milestones, { date: '12-31', share: 1 }])}>
          添加节点
        </button>
        <button type="button" className="button small" onClick={() => onChange([...DEFAULT_MILESTONES[group]])}>
          恢复默认
        </button>
      </div>
    </fieldset>
  );
}

/** 目标任务: a year's targets per township and village, typed or pasted from the 附件1 table. */
export function TargetsScreen() {
  const { db } = useServices();
  const yearId = useId();
  const pasteId = useId();
  const [year, setYear] = useState(new Date().getFullYear());
  const [plan, setPlan] = useState<TargetPlan | null>(null);
  const [status, setStatus] = useState('');
  const [pasted, setPasted] = useState('');
  const [table, setTable] = useState<PastedTargetTable | null>(null);

  useEffect(() => {
    let cancelled = false;
    setPlan(null);
    void loadTargetPlan(db, year).then((loaded) => !cancelled && setPlan(loaded));
    return () => {
      cancelled = true;
    };
  }, [db, year]);

  const update = (next: TargetPlan) => {
    setPlan(next);
    const parsed = TargetPlanSchema.safeParse(next);
    if (!parsed.success) {
      setStatus(`未保存：${parsed.error.issues[0]?.message ?? '请检查填写'}`);
      return;
    }
    setStatus('正在保存…');
    saveTargetPlan(db, parsed.data).then(
      () => setStatus('已保存'),
      () => setStatus('保存失败，请重试'),
    );
  };

  const applyTable = (current: TargetPlan, read: PastedTargetTable) => {
    const townships = new Set(read.rows.map((row) => row.name));
    const kept = current.units.filter((unit) => unit.village || !townships.has(unit.township));
    update({
      ...current,
      units: [...read.rows.map((row) => ({ township: row.name, village: '', ...row.figures })), ...kept],
      tableTotals: read.totals ?? current.tableTotals,
    });
    setTable(null);
    setPasted('');
  };

  const mismatches = plan ? findTargetMismatches(plan) : [];
  return (
    <section aria-labelledby="targets-title" className="screen">
      <p className="breadcrumb">
        <Link href="/progress">← 目标进度</Link>
      </p>
      <h1 id="targets-title">转移就业目标任务计划表</h1>
      <div className="field">
        <label htmlFor={yearId}>年度</label>
        <select id={yearId} value={year} onChange={(event) => setYear(Number(event.target.value))}>
          {[0, 1, -1].map((offset) => {
            const option = new Date().getFullYear() + offset;
            return (
              <option key={option} value={option}>
                {option} 年
              </option>
            );
          })}
        </select>
      </div>
      <p className="save-status" role="status">
        {status}
      </p>
      {plan === null ? (
        <p aria-busy="true">正在读取…</p>
      ) : (
        <>
          <TargetMismatches mismatches={mismatches} />
          <fieldset>
            <legend>粘贴附件1表格</legend>
            <div className="field">
              <label htmlFor={pasteId}>从 Excel、WPS 或文件中复制整张表（含合计行）后粘贴到这里</label>
              <textarea id={pasteId} rows={4} value={pasted} onChange={(event) => setPasted(event.target.value)} />
            </div>
            <button type="button" className="button wide" disabled={!pasted.trim()} onClick={() => setTable(parseTargetTable(pasted))}>
              读取表格
            </button>
            {table ? (
              <div className="card nested" role="status">
                <p>
                  读到 {table.rows.length} 个乡镇{table.totals ? '和合计行' : '，没有合计行'}：{table.rows.map((row) => row.name).join('、')}
                </p>
                {table.problems.length > 0 ? (
                  <ul className="errors">
                    {table.problems.map((problem) => <li key={problem}>{problem}</li>)}
                  </ul>
                ) : null}
                {table.rows.length > 0 ? (
                  <button type="button" className="button primary wide" onClick={() => applyTable(plan, table)}>
                    用此表替换乡镇目标
                  </button>
                ) : null}
              </div>
            ) : null}
          </fieldset>
          <fieldset>
            <legend>文件正文所述总数</legend>
            <p className="field-hint">如正文写「确保不低于 7746 人」，填在这里，与表中合计比对。</p>
            <FiguresFields figures={plan.statedTotals} keys={STATED_FIGURES} prefix="" onChange={(statedTotals) => update({ ...plan, statedTotals })} />
          </fieldset>
          <fieldset>
            <legend>表中合计行</legend>
            <FiguresFields figures={plan.tableTotals} keys={UNIT_FIGURES.slice(0, 4)} prefix="合计 " onChange={(tableTotals) => update({ ...plan, tableTotals })} />
          </fieldset>
          {plan.units.map((unit, index) => (
            <fieldset key={index}>
              <legend>{unit.village ? `${unit.township} ${unit.village}` : unit.township || `第 ${index + 1} 行`}</legend>
              <div className="inline-fields">
                <TextInput label="乡镇" value={unit.township} onChange={(township) => update({ ...plan, units: plan.units.map((u, i) => (i === index ? { ...u, township } : u)) })} />
                <TextInput label="村（不填为乡镇合计）" value={unit.village} onChange={(village) => update({ ...plan, units: plan.units.map((u, i) => (i === index ? { ...u, village } : u)) })} />
              </div>
              <FiguresFields figures={unit} keys={UNIT_FIGURES} prefix="" onChange={(figures) => update({ ...plan, units: plan.units.map((u, i) => (i === index ? { ...u, ...figures } : u)) })} />
              <button type="button" className="button small" onClick={() => update({ ...plan, units: plan.units.filter((_, i) => i !== index) })}>
                删除此行
              </button>
            </fieldset>
          ))}
          <button type="button" className="button wide" onClick={() => update({ ...plan, units: [...plan.units, { township: plan.units.at(-1)?.township ?? '', village: '' }] })}>
            添加乡镇或村
          </button>
          {(['total', 'poverty'] as const).map((group) => (
            <MilestonesFields key={group} group={group} milestones={plan.milestones[group]} onChange={(milestones) => update({ ...plan, milestones: { ...plan.milestones, [group]: milestones } })} />
          ))}
        </>
      )}
    </section>
  );
}
