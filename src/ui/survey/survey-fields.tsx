import { useId, type ReactNode } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import type { Finding } from '../../domain/finding';
import type { Person } from '../../domain/person';
import { useFieldFindings } from './findings-context';

/** Person fields whose value is a string, a string list, or a number: what each control edits. */
type TextKey = { [K in keyof Person]-?: Person[K] extends string ? K : never }[keyof Person];
type ListKey = { [K in keyof Person]-?: Person[K] extends string[] ? K : never }[keyof Person];
type NumberKey = { [K in keyof Person]-?: NonNullable<Person[K]> extends number ? K : never }[keyof Person];
type ChoiceKey = { [K in keyof Person]-?: Exclude<Person[K], undefined> extends string ? (undefined extends Person[K] ? K : never) : never }[keyof Person];

export function FieldMessages({ id, findings, hint }: { id: string; findings: readonly Finding[]; hint?: ReactNode }) {
  if (findings.length === 0) return hint ? <p id={id} className="field-hint">{hint}</p> : null;
  return (
    <div id={id}>
      {findings.map((finding) => (
        <p key={finding.code + finding.message} className={finding.level === 'error' ? 'field-error' : 'field-warning'}>
          {finding.message}
        </p>
      ))}
    </div>
  );
}

function useMessages(name: string) {
  const findings = useFieldFindings(name);
  const hasError = findings.some((finding) => finding.level === 'error');
  return { findings, invalid: hasError ? true : undefined };
}

export function SurveyText({ name, label, hint, inputMode, maxLength = 200, autoComplete, normalize }: {
  name: TextKey;
  /** Applied as the cadre types (e.g. the ID number's lower-case x). */
  normalize?: (value: string) => string;
  label: string;
  hint?: ReactNode;
  inputMode?: 'text' | 'numeric' | 'tel';
  maxLength?: number;
  autoComplete?: string;
}) {
  const id = useId();
  const { control } = useFormContext<Person>();
  const { field } = useController({ control, name });
  const { findings, invalid } = useMessages(name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={field.name}
        value={field.value}
        onChange={(event) => field.onChange(normalize ? normalize(event.target.value) : event.target.value)}
        onBlur={field.onBlur}
        inputMode={inputMode}
        maxLength={maxLength}
        autoComplete={autoComplete ?? 'off'}
        aria-invalid={invalid}
        aria-describedby={`${id}-messages`}
      />
      <FieldMessages id={`${id}-messages`} findings={findings} hint={hint} />
    </div>
  );
}

/** Whole numbers only: other characters never reach the field, so nothing typed is lost unseen. */
export function SurveyNumber({ name, label, hint }: { name: NumberKey; label: string; hint?: ReactNode }) {
  const id = useId();
  const { control } = useFormContext<Person>();
  const { field } = useController({ control, name });
  const { findings, invalid } = useMessages(name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={field.name}
        value={field.value ?? ''}
        inputMode="numeric"
        maxLength={3}
        onChange={(event) => {
          const digits = event.target.value.replace(/[^\d]/g, '');
          field.onChange(digits === '' ? undefined : Number(digits));
        }}
        onBlur={field.onBlur}
        aria-invalid={invalid}
        aria-describedby={`${id}-messages`}
      />
      <FieldMessages id={`${id}-messages`} findings={findings} hint={hint} />
    </div>
  );
}

/** One answer from a list, as the paper's □ boxes with one tick. Tapping the chosen one clears it. */
export function SurveyChoice({ name, label, options, hint }: { name: ChoiceKey; label: string; options: readonly string[]; hint?: ReactNode }) {
  const id = useId();
  const { control } = useFormContext<Person>();
  const { field } = useController({ control, name });
  const { findings, invalid } = useMessages(name);
  return (
    <fieldset className="choice" aria-invalid={invalid} aria-describedby={`${id}-messages`}>
      <legend>{label}</legend>
      <div className="options">
        {options.map((option) => (
          <label key={option} className="option">
            <input
              type="radio"
              name={`${id}-${field.name}`}
              value={option}
              checked={field.value === option}
              onChange={() => field.onChange(option)}
              onClick={() => {
                if (field.value === option) field.onChange(undefined);
              }}
            />
            <span>{option}</span>
          </label>
        ))}
      </div>
      <FieldMessages id={`${id}-messages`} findings={findings} hint={hint} />
    </fieldset>
  );
}

/** Several answers; an exclusive option (从未接受过培训, 无) clears the others and is cleared by them. */
export function SurveyChoices({ name, label, options, exclusive, hint }: {
  name: ListKey;
  label: string;
  options: readonly string[];
  exclusive?: string;
  hint?: ReactNode;
}) {
  const id = useId();
  const { control } = useFormContext<Person>();
  const { field } = useController({ control, name });
  const { findings, invalid } = useMessages(name);
  const selected: string[] = field.value;
  function toggle(option: string, checked: boolean) {
    if (!checked) return field.onChange(selected.filter((value) => value !== option));
    if (option === exclusive) return field.onChange([option]);
    return field.onChange([...selected.filter((value) => value !== exclusive), option]);
  }
  return (
    <fieldset className="choice" aria-invalid={invalid} aria-describedby={`${id}-messages`}>
      <legend>
        {label}
        <span className="legend-note">（可多选）</span>
      </legend>
      <div className="options">
        {options.map((option) => (
          <label key={option} className="option">
            <input type="checkbox" checked={selected.includes(option)} onChange={(event) => toggle(option, event.target.checked)} />
            <span>{option}</span>
          </label>
        ))}
      </div>
      <FieldMessages id={`${id}-messages`} findings={findings} hint={hint} />
    </fieldset>
  );
}

export function SurveyDate({ name, label }: { name: 'surveyedAt'; label: string }) {
  const id = useId();
  const { control } = useFormContext<Person>();
  const { field } = useController({ control, name });
  const { findings, invalid } = useMessages(name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        name={field.name}
        value={field.value ?? ''}
        onChange={(event) => field.onChange(event.target.value || undefined)}
        onBlur={field.onBlur}
        aria-invalid={invalid}
        aria-describedby={`${id}-messages`}
      />
      <FieldMessages id={`${id}-messages`} findings={findings} />
    </div>
  );
}
