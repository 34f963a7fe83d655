import { zodResolver } from '@hookform/resolvers/zod';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { Link } from 'wouter';
import { findPeopleWithIdNumber, savePersonAnswers } from '../../db/people';
import { classifyStorageError } from '../../db/storage-errors';
import type { Finding } from '../../domain/finding';
import { computeAge, normalizeIdNumber, parseIdNumber } from '../../domain/id-card';
import { PersonSchema, type Person, type PersonInput } from '../../domain/person';
import {
  applicablePart,
  checkPerson,
  EMPLOYMENT_FIELDS,
  hasEmploymentAnswers,
  hasIntentionAnswers,
  INTENTION_FIELDS,
} from '../../domain/person-rules';
import type { Preferences } from '../../domain/preferences';
import { formatLocalDate } from '../../domain/dates';
import { describeStorageError } from '../messages';
import { useServices } from '../services';
import { FindingsContext } from './findings-context';
import { BasicInfoSection, EmploymentSection, IntentionSection, SurveyorSection } from './SurveySections';

/** Findings that only say "not filled in yet": shown once the cadre has been at that field. */
const NOT_YET_FILLED: readonly string[] = ['person.required', 'status.missing', 'employment.region_missing'];

type SaveStatus = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; message: string };

function describeIdNumber(idNumber: string, today: string): string | null {
  const parsed = parseIdNumber(idNumber, today);
  if (!parsed.ok) return null;
  const { sex, birthDate } = parsed.value;
  return `由身份证号得出：${sex}，${computeAge(birthDate, today)} 岁（${birthDate} 出生）`;
}

function groupByField(findings: readonly Finding[]): Map<string, Finding[]> {
  const byField = new Map<string, Finding[]>();
  for (const finding of findings) byField.set(finding.field, [...(byField.get(finding.field) ?? []), finding]);
  return byField;
}

/**
 * The survey of one person. Every change is written to IndexedDB at once (with its outbox
 * revision), valid or not: nothing typed waits for a Save button.
 */
export function SurveyForm({ person, preferences }: { person: Person; preferences: Preferences }) {
  const { db, journal } = useServices();
  const form = useForm<PersonInput, unknown, Person>({ defaultValues: person, resolver: zodResolver(PersonSchema), mode: 'onChange' });
  const values = useWatch({ control: form.control }) as Person;
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved' });
  const [showAll, setShowAll] = useState(false);
  const saveChain = useRef<Promise<unknown>>(Promise.resolve());
  const changedFields = useRef(new Set<string>());
  const today = formatLocalDate(new Date());

  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (name) changedFields.current.add(name.split('.')[0]!);
      const values = form.getValues() as Person;
      // Only what this form changed: other fields may have moved on since it opened.
      const answers = Object.fromEntries([...changedFields.current].map((field) => [field, values[field as keyof Person]])) as Partial<Person>;
      const version = journal.write('person', { ...person, ...values });
      setStatus({ kind: 'saving' });
      saveChain.current = saveChain.current
        .then(() => savePersonAnswers(db, person, answers))
        .then(
          () => {
            journal.clear(person.id, version);
            setStatus({ kind: 'saved' });
          },
          (error: unknown) => setStatus({ kind: 'failed', message: describeStorageError(classifyStorageError(error)) }),
        );
    });
    return () => subscription.unsubscribe();
  }, [db, form, journal, person]);

  const findings = useMemo(
    () => checkPerson({ ...person, ...values }, { reportDate: today, workingAge: preferences.workingAge }),
    [person, values, today, preferences.workingAge],
  );
  const { dirtyFields, touchedFields } = form.formState;
  const visited = (field: string) => showAll || field in dirtyFields || field in touchedFields;
  const visible = findings.filter((finding) => !NOT_YET_FILLED.includes(finding.code) || visited(finding.field));
  const errorCount = findings.filter((finding) => finding.level === 'error').length;

  const normalizedId = normalizeIdNumber(values.idNumber ?? '');
  const duplicates = useLiveQuery(() => findPeopleWithIdNumber(db, normalizedId, person.id), [db, normalizedId, person.id]);
  const part = applicablePart(values);

  function clearFields(fields: readonly (keyof Person)[]) {
    // Each field's schema default is its empty answer: '' for text, [] for lists, undefined for choices.
    for (const field of fields) form.setValue(field, PersonSchema.shape[field].parse(undefined) as never, { shouldDirty: true });
  }

  return (
    <FormProvider {...form}>
      <FindingsContext.Provider value={groupByField(visible)}>
        <div className="save-status" role="status">
          {status.kind === 'saving' ? '正在保存…' : status.kind === 'saved' ? '已自动保存' : null}
          {errorCount > 0 ? (
            <button type="button" className="link-button" onClick={() => setShowAll(true)}>
              待完善 {errorCount} 项
            </button>
          ) : (
            <span className="state-done">已完成</span>
          )}
        </div>
        {status.kind === 'failed' ? (
          <p role="alert" className="banner error">
            {status.message}
          </p>
        ) : null}
        <form onSubmit={(event) => event.preventDefault()} aria-label={`${values.name || '未填姓名'} 的调查表`} noValidate>
          <fieldset className="part">
            <legend>一、个人基本信息</legend>
            <BasicInfoSection
              idDerivation={describeIdNumber(values.idNumber ?? '', today)}
              duplicateNotice={
                duplicates && duplicates.length > 0 ? (
                  <p className="field-error" role="alert">
                    该身份证号已登记：
                    {duplicates.map((duplicate) => (
                      <Link key={duplicate.id} href={`/people/${duplicate.id}`}>
                        {duplicate.name || '未填姓名'}
                      </Link>
                    ))}
                  </p>
                ) : null
              }
            />
          </fieldset>
          {part === null ? <p className="field-hint">选择「就失业状况」后，显示已就业情况或就业意愿。</p> : null}
          {part === 'employed' ? (
            <fieldset className="part">
              <legend>二、已就业（转移就业）情况</legend>
              <EmploymentSection regionSet={preferences.regionBucketSet} />
            </fieldset>
          ) : null}
          {part === 'notEmployed' && hasEmploymentAnswers(values) ? (
            <HiddenPartNotice title="已就业（转移就业）情况" onClear={() => clearFields(EMPLOYMENT_FIELDS)} />
          ) : null}
          {part === 'notEmployed' ? (
            <fieldset className="part">
              <legend>三、未转移就业人员就业意愿</legend>
              <IntentionSection regionSet={preferences.regionBucketSet} />
            </fieldset>
          ) : null}
          {part === 'employed' && hasIntentionAnswers(values) ? (
            <HiddenPartNotice title="未转移就业人员就业意愿" onClear={() => clearFields(INTENTION_FIELDS)} />
          ) : null}
          <fieldset className="part">
            <legend>四、调查人、调查时间</legend>
            <SurveyorSection />
          </fieldset>
        </form>
      </FindingsContext.Provider>
    </FormProvider>
  );
}

function HiddenPartNotice({ title, onClear }: { title: string; onClear: () => void }) {
  return (
    <div className="banner warning" role="note">
      <p>「{title}」已隐藏，但其中填写的内容仍保留，与当前就失业状况矛盾。确认不适用的，可清除。</p>
      <button type="button" className="button small" onClick={onClear}>
        清除「{title}」
      </button>
    </div>
  );
}
