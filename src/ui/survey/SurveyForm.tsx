import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useFormState, useWatch, type UseFormReturn } from 'react-hook-form';
import { Link } from 'wouter';
import { findPeopleWithIdNumber, prepareToSavePerson, savePersonAnswers } from '../../db/people';
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

/** The value made for `key`, kept while the key stays the same (a value equal in content keeps its identity). */
function useKeyed<T>(key: string, make: () => T): T {
  const kept = useRef<{ key: string; value: T } | null>(null);
  if (kept.current?.key !== key) kept.current = { key, value: make() };
  return kept.current.value;
}

/**
 * The survey of one person. Every change is written to IndexedDB at once (with its outbox
 * revision), valid or not: nothing typed waits for a Save button.
 *
 * A keystroke re-renders the field typed in and the form's summary, not every field: the
 * provider below is rendered once (its context value is new on each render), and the sections
 * are kept while their props stay the same. The save's reads are under way while that renders.
 */
export function SurveyForm({ person, preferences }: { person: Person; preferences: Preferences }) {
  // No resolver: the form's messages are the findings of checkPerson, and the schema validates
  // each save; validating the whole person again on every keystroke would only add to its cost.
  const form = useForm<PersonInput, unknown, Person>({ defaultValues: person });
  const { db } = useServices();
  useEffect(() => {
    // Work the first keystroke would otherwise add (compiling the schema, the save's first reads)
    // is done while the cadre reads the form.
    const warm = setTimeout(() => {
      PersonSchema.safeParse(person);
      void prepareToSavePerson(db, person.id).catch(() => undefined);
    }, 0);
    return () => clearTimeout(warm);
  }, [db, person]);
  return useMemo(
    () => (
      <FormProvider {...form}>
        <SurveyBody form={form} person={person} preferences={preferences} />
      </FormProvider>
    ),
    [form, person, preferences],
  );
}

function SurveyBody({ form, person, preferences }: { form: UseFormReturn<PersonInput, unknown, Person>; person: Person; preferences: Preferences }) {
  const { db, journal } = useServices();
  const values = useWatch({ control: form.control }) as Person;
  const { dirtyFields, touchedFields } = useFormState({ control: form.control });
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved' });
  const [showAll, setShowAll] = useState(false);
  const latestSave = useRef(0);
  const changedFields = useRef(new Set<string>());
  const today = formatLocalDate(new Date());

  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (name) changedFields.current.add(name.split('.')[0]!);
      const values = form.getValues() as Person;
      // Only what this form changed: other fields may have moved on since it opened.
      const answers = Object.fromEntries([...changedFields.current].map((field) => [field, values[field as keyof Person]])) as Partial<Person>;
      const version = journal.write('person', { ...person, ...values });
      const save = ++latestSave.current;
      // Started at once, not after the previous save: IndexedDB runs write transactions on the
      // same tables in the order they were made, so saves still land in the order typed.
      savePersonAnswers(db, person, answers).then(
        () => {
          journal.clear(person.id, version);
          if (save === latestSave.current) setStatus({ kind: 'saved' });
        },
        (error: unknown) => setStatus({ kind: 'failed', message: describeStorageError(classifyStorageError(error)) }),
      );
      setStatus((current) => (current.kind === 'saving' ? current : { kind: 'saving' }));
    });
    return () => subscription.unsubscribe();
  }, [db, form, journal, person]);

  const findings = useMemo(
    () => checkPerson({ ...person, ...values }, { reportDate: today, workingAge: preferences.workingAge }),
    [person, values, today, preferences.workingAge],
  );
  const visited = (field: string) => showAll || field in dirtyFields || field in touchedFields;
  const visible = findings.filter((finding) => !NOT_YET_FILLED.includes(finding.code) || visited(finding.field));
  const errorCount = findings.filter((finding) => finding.level === 'error').length;
  const findingsByField = useKeyed(JSON.stringify(visible), () => groupByField(visible));

  const normalizedId = normalizeIdNumber(values.idNumber ?? '');
  const idDerivation = describeIdNumber(values.idNumber ?? '', today);
  const part = applicablePart(values);
  const regionSet = preferences.regionBucketSet;
  const basicInfo = useMemo(
    () => <BasicInfoSection idDerivation={idDerivation} duplicateNotice={<DuplicateNotice idNumber={normalizedId} exceptId={person.id} />} />,
    [idDerivation, normalizedId, person.id],
  );
  const employment = useMemo(() => <EmploymentSection regionSet={regionSet} />, [regionSet]);
  const intention = useMemo(() => <IntentionSection regionSet={regionSet} />, [regionSet]);
  const surveyor = useMemo(() => <SurveyorSection />, []);

  function clearFields(fields: readonly (keyof Person)[]) {
    // Each field's schema default is its empty answer: '' for text, [] for lists, undefined for choices.
    for (const field of fields) form.setValue(field, PersonSchema.shape[field].parse(undefined) as never, { shouldDirty: true });
  }

  return (
    <FindingsContext.Provider value={findingsByField}>
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
          {basicInfo}
        </fieldset>
        {part === null ? <p className="field-hint">选择「就失业状况」后，显示已就业情况或就业意愿。</p> : null}
        {part === 'employed' ? (
          <fieldset className="part">
            <legend>二、已就业（转移就业）情况</legend>
            {employment}
          </fieldset>
        ) : null}
        {part === 'notEmployed' && hasEmploymentAnswers(values) ? (
          <HiddenPartNotice title="已就业（转移就业）情况" onClear={() => clearFields(EMPLOYMENT_FIELDS)} />
        ) : null}
        {part === 'notEmployed' ? (
          <fieldset className="part">
            <legend>三、未转移就业人员就业意愿</legend>
            {intention}
          </fieldset>
        ) : null}
        {part === 'employed' && hasIntentionAnswers(values) ? (
          <HiddenPartNotice title="未转移就业人员就业意愿" onClear={() => clearFields(INTENTION_FIELDS)} />
        ) : null}
        <fieldset className="part">
          <legend>四、调查人、调查时间</legend>
          {surveyor}
        </fieldset>
      </form>
    </FindingsContext.Provider>
  );
}

/** Other people on this phone with the ID number typed: a link to each. */
function DuplicateNotice({ idNumber, exceptId }: { idNumber: string; exceptId: string }) {
  const { db } = useServices();
  const duplicates = useLiveQuery(() => findPeopleWithIdNumber(db, idNumber, exceptId), [db, idNumber, exceptId]);
  if (!duplicates || duplicates.length === 0) return null;
  return (
    <p className="field-error" role="alert">
      该身份证号已登记：
      {duplicates.map((duplicate) => (
        <Link key={duplicate.id} href={`/people/${duplicate.id}`}>
          {duplicate.name || '未填姓名'}
        </Link>
      ))}
    </p>
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
