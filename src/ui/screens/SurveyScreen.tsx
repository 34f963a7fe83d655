import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { loadPreferences } from '../../db/preferences';
import type { Person } from '../../domain/person';
import type { Preferences } from '../../domain/preferences';
import { DATA_SET_CHECK_CODES } from '../../domain/check-codes';
import { ConflictNotice } from '../ConflictNotice';
import { RecordFindings } from '../findings/RecordFindings';
import { useServices } from '../services';
import { SyncBadge } from '../sync-status';
import { SurveyForm } from '../survey/SurveyForm';

export function SurveyScreen({ personId }: { personId: string }) {
  const { db } = useServices();
  // Read once: the form owns the answers while it is open, and writes every change back.
  const [person, setPerson] = useState<Person | null | undefined>(undefined);
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  useEffect(() => {
    void db.people.get(personId).then((found) => setPerson(found ?? null));
    void loadPreferences(db).then(setPreferences);
  }, [db, personId]);
  const household = useLiveQuery(() => (person ? db.households.get(person.householdId) : undefined), [db, person?.householdId]);

  if (person === null) {
    return (
      <section className="screen">
        <h1>找不到此人</h1>
        <Link href="/people">返回人员列表</Link>
      </section>
    );
  }
  return (
    <section aria-labelledby="survey-title" className="screen">
      <h1 id="survey-title">河源市贫困劳动力调查表</h1>
      {household ? (
        <p className="breadcrumb">
          <Link href={`/households/${household.id}`}>← 户主 {household.head}</Link>
          {household.village ? ` · ${household.village}` : ''}
          {' · '}
          <Link href={`/people/${personId}/services`}>帮扶记录</Link> <SyncBadge kind="person" id={personId} />
        </p>
      ) : null}
      <RecordFindings kind="person" id={personId} codes={DATA_SET_CHECK_CODES} />
      <ConflictNotice kind="person" id={personId} onResolved={() => void db.people.get(personId).then((found) => setPerson(found ?? null))} />
      {person && preferences ? <SurveyForm key={`${person.id}:${person.updatedAt}`} person={person} preferences={preferences} /> : <p aria-busy="true">正在读取…</p>}
    </section>
  );
}
