import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { NewEvent } from '../../db/events';
import { SATISFACTION_LEVELS, type ServiceType } from '../../domain/assistance-event';
import { formatLocalDate } from '../../domain/dates';

/** A service as the form collects it, before it is given a person. */
export type ServiceDraft = NewEvent extends infer T ? (T extends unknown ? Omit<T, 'personId'> : never) : never;

interface Values {
  type: ServiceType | '';
  date: string;
  assistanceContact: string;
  note: string;
  company: string;
  post: string;
  course: string;
  place: string;
  eventName: string;
  hired: boolean;
  result: string;
  workAddress: string;
  employer: string;
  phone: string;
  wage: string;
  knowsTransportSubsidy: boolean;
  receivedTransportSubsidy: boolean;
  knowsJobRetentionSubsidy: boolean;
  receivedJobRetentionSubsidy: boolean;
  satisfaction: string;
}

function toDraft(values: Values, drawId: string | undefined): ServiceDraft | null {
  const common = { date: values.date, assistanceContact: values.assistanceContact, note: values.note };
  switch (values.type) {
    case '':
      return null;
    case '岗位推介':
      return { ...common, type: values.type, company: values.company, post: values.post };
    case '技能培训':
    case '创业培训':
      return { ...common, type: values.type, course: values.course };
    case '就业见习':
      return { ...common, type: values.type, place: values.place };
    case '招聘活动':
      return { ...common, type: values.type, eventName: values.eventName, hired: values.hired };
    case '跟踪回访':
      return {
        ...common,
        type: values.type,
        result: values.result,
        callback: drawId
          ? {
              workAddress: values.workAddress,
              employer: values.employer,
              phone: values.phone,
              wage: values.wage,
              knowsTransportSubsidy: values.knowsTransportSubsidy,
              receivedTransportSubsidy: values.receivedTransportSubsidy,
              knowsJobRetentionSubsidy: values.knowsJobRetentionSubsidy,
              receivedJobRetentionSubsidy: values.receivedJobRetentionSubsidy,
              satisfaction: (SATISFACTION_LEVELS as readonly string[]).includes(values.satisfaction) ? (values.satisfaction as (typeof SATISFACTION_LEVELS)[number]) : undefined,
              drawId,
            }
          : undefined,
      };
    default:
      return { ...common, type: values.type };
  }
}

function Text({ label, value, onChange, type = 'text' }: { label: string; value: string; onChange: (value: string) => void; type?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  return (
    <div className="field checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/**
 * Records one service: its kind, date, who gave it, and what the kind needs (企业和岗位, 课程,
 * 见习单位, 活动名称, 回访结果). For a 电话回访 draw it also asks the call's questions.
 */
export function ServiceForm({ types, defaultContact, drawId, submitLabel, onSubmit, warningFor, children, fixedType }: {
  types: readonly ServiceType[];
  defaultContact: string;
  drawId?: string;
  submitLabel: string;
  onSubmit: (draft: ServiceDraft) => Promise<string | null>;
  /** A warning to show for a kind before it is recorded (见习 for someone ineligible). */
  warningFor?: (type: ServiceType) => string | null;
  children?: ReactNode;
  fixedType?: ServiceType;
}) {
  const typeGroupId = useId();
  const empty: Values = {
    type: fixedType ?? '', date: formatLocalDate(new Date()), assistanceContact: defaultContact, note: '', company: '', post: '', course: '', place: '',
    eventName: '', hired: false, result: '', workAddress: '', employer: '', phone: '', wage: '', knowsTransportSubsidy: false,
    receivedTransportSubsidy: false, knowsJobRetentionSubsidy: false, receivedJobRetentionSubsidy: false, satisfaction: '',
  };
  const [values, setValues] = useState<Values>(empty);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((current) => ({ ...current, [key]: value }));
  const warning = values.type && warningFor ? warningFor(values.type) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const draft = toDraft(values, drawId);
    if (!draft) return setProblem('请选择服务类型');
    setBusy(true);
    const failure = await onSubmit(draft);
    setBusy(false);
    setProblem(failure);
    if (!failure) setValues({ ...empty, type: fixedType ?? values.type, assistanceContact: values.assistanceContact });
  }

  return (
    <form className="card service-form" onSubmit={submit} noValidate aria-label={submitLabel}>
      {fixedType ? null : (
        <fieldset className="choice">
          <legend id={typeGroupId}>服务类型</legend>
          <div className="options">
            {types.map((type) => (
              <label key={type} className="option">
                <input type="radio" name={typeGroupId} checked={values.type === type} onChange={() => set('type')(type)} />
                <span>{type}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="inline-fields">
        <Text label="日期" type="date" value={values.date} onChange={set('date')} />
        <Text label="帮扶联系人" value={values.assistanceContact} onChange={set('assistanceContact')} />
      </div>
      {values.type === '岗位推介' ? (
        <>
          <Text label="推介企业" value={values.company} onChange={set('company')} />
          <Text label="推介岗位" value={values.post} onChange={set('post')} />
        </>
      ) : null}
      {values.type === '技能培训' || values.type === '创业培训' ? <Text label="培训项目（课程）" value={values.course} onChange={set('course')} /> : null}
      {values.type === '就业见习' ? <Text label="见习单位" value={values.place} onChange={set('place')} /> : null}
      {values.type === '招聘活动' ? (
        <>
          <Text label="招聘活动名称" value={values.eventName} onChange={set('eventName')} />
          <Check label="已录用" checked={values.hired} onChange={set('hired')} />
        </>
      ) : null}
      {values.type === '跟踪回访' ? <Text label="回访结果" value={values.result} onChange={set('result')} /> : null}
      {values.type === '跟踪回访' && drawId ? (
        <>
          <Text label="务工地址" value={values.workAddress} onChange={set('workAddress')} />
          <Text label="企业" value={values.employer} onChange={set('employer')} />
          <Text label="电话" type="tel" value={values.phone} onChange={set('phone')} />
          <Text label="工资额" value={values.wage} onChange={set('wage')} />
          <Check label="知道一次性交通补贴" checked={values.knowsTransportSubsidy} onChange={set('knowsTransportSubsidy')} />
          <Check label="已领取一次性交通补贴" checked={values.receivedTransportSubsidy} onChange={set('receivedTransportSubsidy')} />
          <Check label="知道稳岗补贴" checked={values.knowsJobRetentionSubsidy} onChange={set('knowsJobRetentionSubsidy')} />
          <Check label="已领取稳岗补贴" checked={values.receivedJobRetentionSubsidy} onChange={set('receivedJobRetentionSubsidy')} />
          <fieldset className="choice">
            <legend>满意度</legend>
            <div className="options">
              {SATISFACTION_LEVELS.map((level) => (
                <label key={level} className="option">
                  <input type="radio" name={`${typeGroupId}-satisfaction`} checked={values.satisfaction === level} onChange={() => set('satisfaction')(level)} />
                  <span>{level}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </>
      ) : null}
      <Text label="备注" value={values.note} onChange={set('note')} />
      {children}
      {warning ? <p className="banner warning">{warning}</p> : null}
      {problem ? (
        <p role="alert" className="banner error">
          {problem}
        </p>
      ) : null}
      <button type="submit" className="button primary wide" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
