import { useId, useState } from 'react';
import { Link } from 'wouter';
import { formatLocalDate } from '../../domain/dates';
import { useServices } from '../services';
import { ServiceForm } from '../services/ServiceForm';
import { submitEvents } from '../services/submit-events';
import { useAnalysis } from '../use-analysis';

/** 电话回访抽查 (seed 004): draw the sample reproducibly, then record each call. */
export function CallbacksScreen() {
  const { analysis, db } = useServices();
  const seedId = useId();
  const [seed, setSeed] = useState(`回访-${formatLocalDate(new Date())}`);
  const [open, setOpen] = useState<string | null>(null);
  const latest = useAnalysis((api) => api.callbacks.latest(), []);

  const byTownship = new Map<string, NonNullable<typeof latest>['rows']>();
  for (const row of latest?.rows ?? []) byTownship.set(row.township, [...(byTownship.get(row.township) ?? []), row]);

  return (
    <section aria-labelledby="callbacks-title" className="screen">
      <h1 id="callbacks-title">电话回访抽查</h1>
      <p className="breadcrumb">
        <Link href="/owed">← 待帮扶</Link>
      </p>
      <div className="card">
        <div className="field">
          <label htmlFor={seedId}>抽取种子（同一种子、同样数据，抽到同样的人）</label>
          <input id={seedId} value={seed} onChange={(event) => setSeed(event.target.value)} />
        </div>
        <button type="button" className="button primary wide" disabled={!seed.trim()} onClick={() => void analysis.callbacks.draw(seed.trim())}>
          按乡镇抽取脱贫劳动力
        </button>
        {latest ? (
          <p className="muted">
            最近一次：{latest.draw.drawnAt.slice(0, 10)}，种子「{latest.draw.seed}」，比例 {Math.round(latest.draw.rate * 100)}%，共 {latest.rows.length} 人，已回访{' '}
            {latest.rows.filter((row) => row.called).length} 人
          </p>
        ) : null}
      </div>
      {[...byTownship].map(([township, rows]) => (
        <section key={township} aria-label={township}>
          <h2>{township}</h2>
          <ul className="list">
            {rows.map((row) => (
              <li key={row.personId} className="card">
                <div className="event-line">
                  <span className="list-title">{row.name || '未填姓名'}</span>
                  <span className={row.called ? 'state-done' : 'muted'}>{row.called ? '已回访' : '未回访'}</span>
                </div>
                <p className="list-detail">
                  {row.village} {row.phone ? <a href={`tel:${row.phone}`}>{row.phone}</a> : '无电话'}
                </p>
                {open === row.personId ? (
                  <ServiceForm
                    types={['跟踪回访']}
                    fixedType="跟踪回访"
                    drawId={latest!.draw.id}
                    defaultContact=""
                    submitLabel={`保存 ${row.name} 的回访`}
                    onSubmit={async (draft) => {
                      const failure = await submitEvents(db, [{ ...draft, personId: row.personId }]);
                      if (!failure) setOpen(null);
                      return failure;
                    }}
                  />
                ) : (
                  <button type="button" className="button small" onClick={() => setOpen(row.personId)}>
                    记录回访
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
