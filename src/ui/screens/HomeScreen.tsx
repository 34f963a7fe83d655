import { Link } from 'wouter';
import { ModelLoadProgress } from '../ModelLoadProgress';
import { OfficeToolLinks } from '../OfficeToolLinks';
import { useOverview } from '../use-overview';

export function HomeScreen() {
  const counts = useOverview();
  const figures = [
    { label: '户数', value: counts?.households },
    { label: '人数', value: counts?.people },
    { label: '已调查', value: counts?.surveyed },
    { label: '待帮扶', value: counts?.owed },
    { label: '疑点（错误）', value: counts?.findings },
    { label: '未同步', value: counts?.pendingSync },
  ];
  return (
    <section aria-labelledby="home-title" className="screen">
      <h1 id="home-title">入户台账</h1>
      {/* Its load is asked for after the counts, so their IndexedDB reads do not queue behind the model's. */}
      {counts && <ModelLoadProgress />}
      <dl className="figures" aria-busy={counts === null}>
        {figures.map(({ label, value }) => (
          <div className="figure" key={label}>
            <dt>{label}</dt>
            <dd>{value ?? '…'}</dd>
          </div>
        ))}
      </dl>
      <div className="actions">
        <Link href="/households/new" className="button primary">
          新增户
        </Link>
        <Link href="/households" className="button">
          户列表
        </Link>
        <Link href="/sync" className="button">
          同步
        </Link>
      </div>
      <div className="actions">
        <Link href="/progress" className="button">
          目标进度
        </Link>
        <Link href="/findings" className="button">
          疑点
        </Link>
      </div>
      <OfficeToolLinks />
    </section>
  );
}
