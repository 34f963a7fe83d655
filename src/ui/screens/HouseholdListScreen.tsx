import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { listHouseholds } from '../../db/households';
import { formatHouseholdAddress } from '../../domain/household';
import { useServices } from '../services';
import { VirtualList } from '../VirtualList';

export function HouseholdListScreen() {
  const { db } = useServices();
  const households = useLiveQuery(() => listHouseholds(db), [db]);
  return (
    <section aria-labelledby="households-title" className="screen">
      <h1 id="households-title">户列表</h1>
      <Link href="/households/new" className="button primary">
        新增户
      </Link>
      {households === undefined ? (
        <p aria-busy="true">正在读取…</p>
      ) : households.length === 0 ? (
        <p className="empty">还没有户。点「新增户」开始登记。</p>
      ) : (
        <VirtualList
          items={households}
          rowHeight={84}
          label="户"
          getKey={(household) => household.id}
          renderRow={(household) => (
            <Link href={`/households/${household.id}`} className="list-item">
              <span className="list-title">户主 {household.head}</span>
              <span className="list-detail">
                {formatHouseholdAddress(household) || '未填地址'}
                {household.number ? ` · 户编号 ${household.number}` : ''}
              </span>
            </Link>
          )}
        />
      )}
    </section>
  );
}
