import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useLocation } from 'wouter';
import { addMember, listMembers } from '../../db/people';
import { loadPreferences } from '../../db/preferences';
import { formatLocalDate } from '../../domain/dates';
import { formatHouseholdAddress } from '../../domain/household';
import { surveyStateOf } from '../../domain/person-rules';
import { ConflictNotice } from '../ConflictNotice';
import { RecordFindings } from '../findings/RecordFindings';
import { useServices } from '../services';
import { SurveyStateBadge } from '../SurveyStateBadge';
import { SyncBadge } from '../sync-status';

export function HouseholdScreen({ householdId }: { householdId: string }) {
  const { db } = useServices();
  const [, navigate] = useLocation();
  const household = useLiveQuery(() => db.households.get(householdId), [db, householdId]);
  const members = useLiveQuery(async () => {
    const [people, preferences] = await Promise.all([listMembers(db, householdId), loadPreferences(db)]);
    const context = { reportDate: formatLocalDate(new Date()), workingAge: preferences.workingAge };
    return people.map((person) => ({ person, state: surveyStateOf(person, context) }));
  }, [db, householdId]);

  if (household === undefined) return <p aria-busy="true">正在读取…</p>;
  const flags = [
    household.povertyAlleviated && '脱贫户',
    household.monitored && `监测对象（${household.monitorType ?? '未选类型'}${household.riskRemoved ? '，风险已消除' : ''}）`,
    household.relocated && '易地扶贫搬迁安置户',
    household.zeroEmploymentSince && `零就业家庭（${household.zeroEmploymentSince} 起）`,
  ].filter(Boolean);

  return (
    <section aria-labelledby="household-title" className="screen">
      <h1 id="household-title">户主 {household.head}</h1>
      <div className="card">
        <p>{formatHouseholdAddress(household) || '未填地址'}{household.number ? ` · 户编号 ${household.number}` : ''}</p>
        {flags.length > 0 ? <p className="tags">{flags.map((flag) => <span key={String(flag)} className="tag">{flag}</span>)}</p> : null}
        <p>
          <Link href={`/households/${household.id}/edit`}>编辑户信息</Link> <SyncBadge kind="household" id={household.id} />
        </p>
      </div>
      <RecordFindings kind="household" id={household.id} />
      <ConflictNotice kind="household" id={household.id} />
      <h2>家庭成员</h2>
      {members === undefined ? null : members.length === 0 ? (
        <p className="empty">还没有成员。点「添加成员」开始调查。</p>
      ) : (
        <ul className="list" aria-label="家庭成员">
          {members.map(({ person, state }) => (
            <li key={person.id}>
              <Link href={`/people/${person.id}`} className="list-item">
                <span className="list-title">
                  {person.name || '未填姓名'} <SurveyStateBadge state={state} />
                </span>
                <span className="list-detail">{person.idNumber || '未填身份证号'}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="button primary wide"
        onClick={() => void addMember(db, household.id).then((person) => navigate(`/people/${person.id}`))}
      >
        添加成员
      </button>
    </section>
  );
}
