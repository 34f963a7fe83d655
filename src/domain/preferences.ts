import { z } from 'zod';
import { DEFAULT_WORKING_AGE } from './person-rules';
import { DEFAULT_REGION_BUCKET_SET, REGION_BUCKET_SET_IDS, type RegionBucketSetId } from './region-buckets';

/** What the cadre sets once in 设置. Old or damaged values fall back to the defaults. */
export const PreferencesSchema = z.object({
  /** 调查人: the default for every new survey. */
  surveyor: z.string().trim().max(40).catch('').default(''),
  regionBucketSet: z
    .enum(REGION_BUCKET_SET_IDS as [RegionBucketSetId, ...RegionBucketSetId[]])
    .catch(DEFAULT_REGION_BUCKET_SET)
    .default(DEFAULT_REGION_BUCKET_SET),
  workingAge: z
    .object({ min: z.number().int().min(0).max(100), max: z.number().int().min(0).max(100) })
    .refine((range) => range.min <= range.max)
    .catch({ ...DEFAULT_WORKING_AGE })
    .default({ ...DEFAULT_WORKING_AGE }),
});

export type Preferences = z.infer<typeof PreferencesSchema>;

export function restorePreferences(stored: unknown): Preferences {
  return PreferencesSchema.parse(typeof stored === 'object' && stored !== null ? stored : {});
}
