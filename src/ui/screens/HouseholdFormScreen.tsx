import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { ZodError } from 'zod';
import { saveHousehold } from '../../db/households';
import { classifyStorageError } from '../../db/storage-errors';
import { MONITOR_TYPES, type Household, type MonitorType } from '../../domain/household';
import { CheckboxField, SelectField, TextField } from '../fields';
import { describeStorageError } from '../messages';
import { useServices } from '../services';

interface HouseholdFormValues {
  county: string;
  township: string;
  village: string;
  group: string;
  number: string;
  head: string;
  povertyAlleviated: boolean;
  monitored: boolean;
  monitorType: MonitorType | '';
  riskRemoved: boolean;
  relocated: boolean;
}

const EMPTY_FORM: HouseholdFormValues = {
  county: '',
  township: '',
  village: '',
  group: '',
  number: '',
  head: '',
  povertyAlleviated: true,
  monitored: false,
  monitorType: '',
  riskRemoved: false,
  relocated: false,
};

function toFormValues(household: Household): HouseholdFormValues {
  return { ...household, monitorType: household.monitorType ?? '', riskRemoved: household.riskRemoved ?? false };
}

function fieldErrors(error: ZodError): Partial<Record<keyof HouseholdFormValues, string>> {
  const errors: Partial<Record<keyof HouseholdFormValues, string>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && field in EMPTY_FORM) errors[field as keyof HouseholdFormValues] ??= issue.message;
  }
  return errors;
}

export function HouseholdFormScreen({ householdId }: { householdId?: string }) {
  const { db } = useServices();
  const [, navigate] = useLocation();
  const existing = useLiveQuery(() => (householdId ? db.households.get(householdId) : undefined), [db, householdId]);
  const [values, setValues] = useState<HouseholdFormValues>(EMPTY_FORM);
  const [errors, setErrors] = useState<Partial<Record<keyof HouseholdFormValues, string>>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (existing) setValues(toFormValues(existing));
  }, [existing]);

  const set = <K extends keyof HouseholdFormValues>(key: K) => (value: HouseholdFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await saveHousehold(db, {
        ...values,
        id: householdId,
        monitorType: values.monitored ? values.monitorType || undefined : undefined,
        riskRemoved: values.monitored ? values.riskRemoved : undefined,
      });
      navigate(`/households/${saved.id}`);
    } catch (error) {
      if (error instanceof ZodError) setErrors(fieldErrors(error));
      else setSaveError(describeStorageError(classifyStorageError(error)));
    } finally {
      setSaving(false);
    }
  }

  const title = householdId ? '编辑户' : '新增户';
  return (
    <section aria-labelledby="household-form-title" className="screen">
      <h1 id="household-form-title">{title}</h1>
      <form onSubmit={submit} noValidate aria-labelledby="household-form-title">
        <fieldset>
          <legend>地址</legend>
          <TextField label="县（区）" value={values.county} onChange={set('county')} />
          <TextField label="乡镇（街道）" value={values.township} onChange={set('township')} />
          <TextField label="村（社区）" value={values.village} onChange={set('village')} />
          <TextField label="屯（组）" value={values.group} onChange={set('group')} />
        </fieldset>
        <fieldset>
          <legend>户信息</legend>
          <TextField label="户编号" value={values.number} onChange={set('number')} />
          <TextField label="户主" value={values.head} onChange={set('head')} error={errors.head} required />
          <CheckboxField label="脱贫户" checked={values.povertyAlleviated} onChange={set('povertyAlleviated')} />
          <CheckboxField label="监测对象" checked={values.monitored} onChange={set('monitored')} />
          {values.monitored ? (
            <>
              <SelectField
                label="监测对象类型"
                value={values.monitorType}
                options={MONITOR_TYPES}
                onChange={set('monitorType')}
                error={errors.monitorType}
              />
              <CheckboxField label="风险已消除" checked={values.riskRemoved} onChange={set('riskRemoved')} />
            </>
          ) : null}
          <CheckboxField label="易地扶贫搬迁安置户" checked={values.relocated} onChange={set('relocated')} />
        </fieldset>
        {saveError ? (
          <p role="alert" className="banner error">
            {saveError}
          </p>
        ) : null}
        <button type="submit" className="button primary" disabled={saving}>
          保存
        </button>
      </form>
    </section>
  );
}
