import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { NewEvent } from '../../db/events';
import { SATISFACTION_LEVELS, type ServiceType } from '../../domain/assistance-event';
import { formatLocalDate } from '../../domain/dates';
import { CheckboxField, TextField } from '../fields';

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
        <TextField label="日期" type="date" value={values.date} onChange={set('date')} />
        <TextField label="帮扶联系人" value={values.assistanceContact} onChange={set('assistanceContact')} />
      </div>
      {values.type === '岗位推介' ? (
        <>
          <TextField label="推介企业" value={values.company} onChange={set('company')} />
          <TextField label="推介岗位" value={values.post} onChange={set('post')} />
        </>
      ) : null}
      {values.type === '技能培训' || values.type === '创业培训' ? <TextField label="培训项目（课程）" value={values.course} onChange={set('course')} /> : null}
      {values.type === '就业见习' ? <TextField label="见习单位" value={values.place} onChange={set('place')} /> : null}
      {values.type === '招聘活动' ? (
        <>
          <TextField label="招聘活动名称" value={values.eventName} onChange={set('eventName')} />
          <CheckboxField label="已录用" checked={values.hired} onChange={set('hired')} />
        </>
      ) : null}
      {values.type === '跟踪回访' ? <TextField label="回访结果" value={values.result} onChange={set('result')} /> : null}
      {values.type === '跟踪回访' && drawId ? (
        <>
          <TextField label="务工地址" value={values.workAddress} onChange={set('workAddress')} />
          <TextField label="企业" value={values.employer} onChange={set('employer')} />
          <TextField label="电话" type="tel" value={values.phone} onChange={set('phone')} />
          <TextField label="工资额" value={values.wage} onChange={set('wage')} />
          <CheckboxField label="知道一次性交通补贴" checked={values.knowsTransportSubsidy} onChange={set('knowsTransportSubsidy')} />
          <CheckboxField label="已领取一次性交通补贴" checked={values.receivedTransportSubsidy} onChange={set('receivedTransportSubsidy')} />
          <CheckboxField label="知道稳岗补贴" checked={values.knowsJobRetentionSubsidy} onChange={set('knowsJobRetentionSubsidy')} />
          <CheckboxField label="已领取稳岗补贴" checked={values.receivedJobRetentionSubsidy} onChange={set('receivedJobRetentionSubsidy')} />
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
      <TextField label="备注" value={values.note} onChange={set('note')} />
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
