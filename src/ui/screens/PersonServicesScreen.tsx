import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { Link } from 'wouter';
import { describeEventError, listPersonEvents, voidEvent } from '../../db/events';
import { loadPreferences } from '../../db/preferences';
import { resolveEventStandings, SERVICE_TYPES, type EventStanding, type ServiceEvent } from '../../domain/assistance-event';
import { formatLocalDate } from '../../domain/dates';
import { checkInternshipEligibility, describeObligation, owesPackage, OWES_RULES } from '../../domain/package-obligation';
import { listPackages, owesPolicyOf } from '../../domain/preferences';
import { findPackage } from '../../domain/service-package';
import { useServices } from '../services';
import { PublicPostsSection } from '../services/PublicPostsSection';
import { ServiceForm } from '../services/ServiceForm';
import { submitEvents } from '../services/submit-events';

function describeDetails(event: ServiceEvent): string {
  switch (event.type) {
    case '岗位推介':
      return `${event.company} · ${event.post}`;
    case '技能培训':
    case '创业培训':
      return event.course;
    case '就业见习':
      return event.place;
    case '招聘活动':
      return `${event.eventName}${event.hired ? ' · 已录用' : ''}`;
    case '跟踪回访':
      return [event.result, event.callback?.satisfaction].filter(Boolean).join(' · ');
    default:
      return '';
  }
}

function EventItem({ standing, onVoid }: { standing: EventStanding; onVoid: (reason: string) => Promise<string | null> }) {
  const { event, voidedBy } = standing;
  const reasonId = useId();
  const [voiding, setVoiding] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <li className={`event${voidedBy ? ' voided' : ''}`}>
      <div className="event-line">
        <span className="event-title">{voidedBy ? <s>{event.type}</s> : event.type}</span>
        <span className="event-date">{event.date}</span>
      </div>
      {describeDetails(event) ? <p className="event-detail">{voidedBy ? <s>{describeDetails(event)}</s> : describeDetails(event)}</p> : null}
      <p className="event-detail">
        {event.assistanceContact ? `帮扶联系人 ${event.assistanceContact}` : null}
        {event.note ? ` · ${event.note}` : null}
      </p>
      {voidedBy ? (
        <p className="event-void">
          已作废：{voidedBy.assistanceContact || '未署名'} 于 {voidedBy.date}，原因：{voidedBy.reason}
        </p>
      ) : voiding ? (
        <div className="void-form">
          <div className="field">
            <label htmlFor={reasonId}>作废原因</label>
            <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          {problem ? <p role="alert" className="field-error">{problem}</p> : null}
          <div className="actions">
            <button type="button" className="button small" onClick={() => setVoiding(false)}>
              取消
            </button>
            <button type="button" className="button primary small" onClick={() => void onVoid(reason).then((failure) => (failure ? setProblem(failure) : setVoiding(false)))}>
              确认作废
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button small" onClick={() => setVoiding(true)} aria-label={`作废 ${event.date} ${event.type}`}>
          作废
        </button>
      )}
    </li>
  );
}

export function PersonServicesScreen({ personId }: { personId: string }) {
  const { db } = useServices();
  const data = useLiveQuery(async () => {
    const [person, events, preferences] = await Promise.all([db.people.get(personId), listPersonEvents(db, personId), loadPreferences(db)]);
    return { person, events, preferences };
  }, [db, personId]);
  if (!data) return <p aria-busy="true">正在读取…</p>;
  const { person, events, preferences } = data;
  if (!person) return <p>找不到此人</p>;

  const today = formatLocalDate(new Date());
  const servicePackage = findPackage(listPackages(preferences), preferences.packageId);
  const policy = owesPolicyOf(preferences);
  const obligation = describeObligation(person, events, { servicePackage, today, policy });
  const owes = owesPackage(person, policy);
  const internship = checkInternshipEligibility(person, today);

  return (
    <section aria-labelledby="services-title" className="screen">
      <h1 id="services-title">{person.name || '未填姓名'} · 帮扶记录</h1>
      <p className="breadcrumb">
        <Link href={`/people/${person.id}`}>← 调查表</Link>
      </p>
      <section className="card tally-card" aria-label="服务包完成情况">
        <h2>{servicePackage.name}</h2>
        <ul className="tally">
          {obligation.tally.items.map((item) => (
            <li key={item.label} className={item.done >= item.required ? 'met' : 'short'}>
              <span>{item.label}</span>
              <strong>
                {Math.min(item.done, item.required)}/{item.required}
              </strong>
            </li>
          ))}
        </ul>
        {!owes ? (
          <p className="muted">不属于应服务对象（{OWES_RULES[preferences.owesRule]}）</p>
        ) : obligation.tally.isComplete ? (
          <p className="state-done">服务包已完成</p>
        ) : (
          <p className={obligation.daysLeft < 0 ? 'field-error' : 'muted'}>
            {obligation.owedSince} 起应服务，须于 {obligation.deadline} 前完成（
            {obligation.daysLeft < 0 ? `已逾期 ${-obligation.daysLeft} 天` : `剩 ${obligation.daysLeft} 天`}）
          </p>
        )}
      </section>
      <PublicPostsSection person={person} />
      <h2>新增帮扶</h2>
      <ServiceForm
        types={SERVICE_TYPES}
        defaultContact={person.assistanceContact || preferences.surveyor}
        submitLabel="记录帮扶"
        warningFor={(type) => (type === '就业见习' && !internship.eligible ? `提醒：${internship.reason}。此人不符合条件。` : null)}
        onSubmit={(draft) => submitEvents(db, [{ ...draft, personId: person.id }])}
      />
      <h2>帮扶记录（{events.filter((event) => event.type !== '作废').length}）</h2>
      <ul className="events" aria-label="帮扶记录">
        {resolveEventStandings(events).map((standing) => (
          <EventItem
            key={standing.event.id}
            standing={standing}
            onVoid={async (reason) => {
              try {
                await voidEvent(db, standing.event, { reason, assistanceContact: preferences.surveyor });
                return null;
              } catch (error) {
                return describeEventError(error) ?? '作废失败，请重试';
              }
            }}
          />
        ))}
      </ul>
    </section>
  );
}
