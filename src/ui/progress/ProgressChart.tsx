import type { ProgressSeries } from '../../../workers/client';

const WIDTH = 320;
const HEIGHT = 180;
const PAD = { left: 40, right: 8, top: 10, bottom: 24 };

/**
 * Cumulative 转移就业 by week (solid) against the milestone line (dashed: from 0 on 1 January
 * through each milestone's count on its day). Plain SVG: loaded only with the progress screen.
 */
export default function ProgressChart({ series, year, title }: { series: ProgressSeries; year: number; title: string }) {
  const yearStart = Date.UTC(year, 0, 1);
  const yearDays = (Date.UTC(year + 1, 0, 1) - yearStart) / 86_400_000;
  const top = Math.max(1, series.target ?? 0, ...series.points.map((point) => point.count), ...series.milestones.map((m) => m.required));
  const x = (date: string) => PAD.left + ((Date.parse(`${date}T00:00:00Z`) - yearStart) / 86_400_000 / yearDays) * (WIDTH - PAD.left - PAD.right);
  const y = (count: number) => HEIGHT - PAD.bottom - (count / top) * (HEIGHT - PAD.top - PAD.bottom);
  const actual = series.points.map((point) => `${x(point.date).toFixed(1)},${y(point.count).toFixed(1)}`).join(' ');
  const milestoneLine = [`${x(`${year}-01-01`)},${y(0)}`, ...series.milestones.map((m) => `${x(m.date).toFixed(1)},${y(m.required).toFixed(1)}`)].join(' ');
  const last = series.points.at(-1);
  const description = [
    `${title}：截至 ${last?.date ?? '今天'} 累计 ${last?.count ?? 0} 人`,
    ...series.milestones.map((m) => `${m.date.slice(5)} 前应达 ${m.required} 人`),
  ].join('；');
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description}>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} className="axis" />
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={y(0)} className="axis" />
        <text x={PAD.left - 4} y={y(top) + 4} textAnchor="end" className="tick">{top}</text>
        <text x={PAD.left - 4} y={y(0)} textAnchor="end" className="tick">0</text>
        {[0, 3, 6, 9].map((month) => (
          <text key={month} x={x(`${year}-${String(month + 1).padStart(2, '0')}-01`)} y={HEIGHT - 6} className="tick">
            {month + 1}月
          </text>
        ))}
        {series.milestones.length > 0 ? <polyline points={milestoneLine} className="milestone-line" /> : null}
        {series.milestones.map((m) => <circle key={m.date} cx={x(m.date)} cy={y(m.required)} r={3} className="milestone-dot" />)}
        <polyline points={actual} className="actual-line" />
      </svg>
      <figcaption>实线：累计转移就业人数；虚线：时间节点要求</figcaption>
    </figure>
  );
}
