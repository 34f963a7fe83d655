import { useEffect, useId, useState } from 'react';
import { loadPreferences, savePreferences } from '../../db/preferences';
import { OWES_RULES, type OwesRule } from '../../domain/package-obligation';
import { listPackages, REVERIFY_PERIODS, type Preferences } from '../../domain/preferences';
import { formatTally, tallyPackage } from '../../domain/service-package';
import { CustomPackageForm } from './CustomPackageForm';
import { REGION_BUCKET_SET_IDS, REGION_BUCKET_SETS } from '../../domain/region-buckets';
import { useServices } from '../services';

/** 调查设置: saved as soon as it changes, like everything else on the phone. */
export function PreferencesCard() {
  const { db } = useServices();
  const id = useId();
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  useEffect(() => {
    void loadPreferences(db).then(setPreferences);
  }, [db]);
  if (!preferences) return null;

  function update(next: Preferences) {
    setPreferences(next);
    void savePreferences(db, next);
  }
  const age = (bound: 'min' | 'max', raw: string) => {
    const value = Number(raw.replace(/[^\d]/g, ''));
    if (raw !== '' && Number.isFinite(value)) update({ ...preferences!, workingAge: { ...preferences!.workingAge, [bound]: value } });
  };

  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>调查设置</h2>
      <div className="field">
        <label htmlFor={`${id}-surveyor`}>调查人（新调查默认填写）</label>
        <input id={`${id}-surveyor`} value={preferences.surveyor} maxLength={40} onChange={(event) => update({ ...preferences, surveyor: event.target.value })} />
      </div>
      <fieldset className="choice">
        <legend>就业区域口径</legend>
        <div className="options">
          {REGION_BUCKET_SET_IDS.map((setId) => (
            <label key={setId} className="option">
              <input type="radio" name={`${id}-buckets`} checked={preferences.regionBucketSet === setId} onChange={() => update({ ...preferences, regionBucketSet: setId })} />
              <span>
                {REGION_BUCKET_SETS[setId].label}：{REGION_BUCKET_SETS[setId].buckets.join(' / ')}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="choice">
        <legend>就业帮扶服务包</legend>
        <div className="options">
          {listPackages(preferences).map((servicePackage) => (
            <label key={servicePackage.id} className="option">
              <input type="radio" name={`${id}-package`} checked={preferences.packageId === servicePackage.id} onChange={() => update({ ...preferences, packageId: servicePackage.id })} />
              <span>
                {servicePackage.name}：{formatTally(tallyPackage(servicePackage, [])).replace(/ 0\//g, ' ×')}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <CustomPackageForm
        onAdd={(servicePackage) => update({ ...preferences, customPackages: [...preferences.customPackages, servicePackage], packageId: servicePackage.id })}
      />
      <fieldset className="choice">
        <legend>应服务对象</legend>
        <div className="options">
          {(Object.keys(OWES_RULES) as OwesRule[]).map((rule) => (
            <label key={rule} className="option">
              <input type="radio" name={`${id}-owes`} checked={preferences.owesRule === rule} onChange={() => update({ ...preferences, owesRule: rule })} />
              <span>{OWES_RULES[rule]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field checkbox">
        <input
          id={`${id}-post-leavers`}
          type="checkbox"
          checked={preferences.owesPostLeavers}
          onChange={(event) => update({ ...preferences, owesPostLeavers: event.target.checked })}
        />
        <label htmlFor={`${id}-post-leavers`}>公益性岗位退出人员（超龄除外）也须落实服务包</label>
      </div>
      <fieldset className="choice">
        <legend>信息核实周期</legend>
        <div className="options">
          {([6, 3] as const).map((months) => (
            <label key={months} className="option">
              <input type="radio" name={`${id}-reverify`} checked={preferences.reverifyMonths === months} onChange={() => update({ ...preferences, reverifyMonths: months })} />
              <span>{REVERIFY_PERIODS[months]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-rate`}>电话回访抽查比例（%）</label>
        <input
          id={`${id}-rate`}
          inputMode="numeric"
          defaultValue={Math.round(preferences.sampleRate * 100)}
          onChange={(event) => {
            const percent = Number(event.target.value);
            if (percent > 0 && percent <= 100) update({ ...preferences, sampleRate: percent / 100 });
          }}
        />
      </div>
      <div className="inline-fields">
        <div className="field">
          <label htmlFor={`${id}-age-min`}>劳动年龄下限（岁）</label>
          <input id={`${id}-age-min`} inputMode="numeric" defaultValue={preferences.workingAge.min} onChange={(event) => age('min', event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-age-max`}>劳动年龄上限（岁）</label>
          <input id={`${id}-age-max`} inputMode="numeric" defaultValue={preferences.workingAge.max} onChange={(event) => age('max', event.target.value)} />
        </div>
      </div>
    </section>
  );
}
