import { useId } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import type { Person } from '../../domain/person';
import { listRegionBuckets, REGION_BUCKET_SETS, type RegionBucketSetId } from '../../domain/region-buckets';
import { useFieldFindings } from './findings-context';
import { FieldMessages } from './survey-fields';

/**
 * 就业所在地 / 就业意向: buckets of the set chosen in 设置; an answer already given keeps its own
 * set, so changing 设置 never changes what an old answer means.
 */
export function SurveyRegion({ name, label, currentSet }: { name: 'employmentRegion' | 'intendedRegion'; label: string; currentSet: RegionBucketSetId }) {
  const id = useId();
  const { control } = useFormContext<Person>();
  const { field } = useController({ control, name });
  const findings = useFieldFindings(name);
  const set = (field.value?.set as RegionBucketSetId | undefined) ?? currentSet;
  return (
    <fieldset className="choice" aria-invalid={findings.some((f) => f.level === 'error') || undefined} aria-describedby={`${id}-messages`}>
      <legend>
        {label}
        {set !== currentSet ? <span className="legend-note">（按{REGION_BUCKET_SETS[set].label}填写）</span> : null}
      </legend>
      <div className="options">
        {listRegionBuckets(set).map((bucket) => (
          <label key={bucket} className="option">
            <input
              type="radio"
              name={`${id}-${name}`}
              checked={field.value?.value === bucket}
              onChange={() => field.onChange({ set, value: bucket })}
              onClick={() => {
                if (field.value?.value === bucket) field.onChange(undefined);
              }}
            />
            <span>{bucket}</span>
          </label>
        ))}
      </div>
      <FieldMessages id={`${id}-messages`} findings={findings} />
    </fieldset>
  );
}
