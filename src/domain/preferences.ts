import { z } from 'zod';
import { DEFAULT_SAMPLE_RATE } from './callback-sample';
import { DEFAULT_REVERIFY_MONTHS } from './record-checks';
import { DEFAULT_OWES_RULE, OWES_RULES, type OwesPolicy, type OwesRule } from './package-obligation';
import { DEFAULT_WORKING_AGE } from './person-rules';
import { BUILT_IN_PACKAGES, DEFAULT_PACKAGE_ID, ServicePackageSchema, type ServicePackage } from './service-package';
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
  /** The service package every owing person must receive. */
  packageId: z.string().catch(DEFAULT_PACKAGE_ID).default(DEFAULT_PACKAGE_ID),
  owesRule: z
    .enum(Object.keys(OWES_RULES) as [OwesRule, ...OwesRule[]])
    .catch(DEFAULT_OWES_RULE)
    .default(DEFAULT_OWES_RULE),
  customPackages: z.array(ServicePackageSchema).catch([]).default([]),
  /** 公益性岗位退出人员（超龄除外）也须落实服务包 (附件4-1 填表说明 7). */
  owesPostLeavers: z.boolean().catch(true).default(true),
  /** 电话回访 share of poverty-alleviated labourers per township. */
  sampleRate: z.number().gt(0).max(1).catch(DEFAULT_SAMPLE_RATE).default(DEFAULT_SAMPLE_RATE),
  /** 核实周期: a record not re-verified (调查时间) within this many months is 疑点 (seed 003: 半年不少于一次; quarterly as an option). */
  reverifyMonths: z.union([z.literal(3), z.literal(6)]).catch(DEFAULT_REVERIFY_MONTHS).default(DEFAULT_REVERIFY_MONTHS),
});

export const REVERIFY_PERIODS = { 6: '每半年', 3: '每季度' } as const;

export type Preferences = z.infer<typeof PreferencesSchema>;

export function restorePreferences(stored: unknown): Preferences {
  return PreferencesSchema.parse(typeof stored === 'object' && stored !== null ? stored : {});
}

/** Built-in packages first, then the township's own. */
export function listPackages(preferences: Preferences): ServicePackage[] {
  return [...BUILT_IN_PACKAGES, ...preferences.customPackages];
}

export function owesPolicyOf(preferences: Preferences): OwesPolicy {
  return { rule: preferences.owesRule, includePostLeavers: preferences.owesPostLeavers, maxWorkingAge: preferences.workingAge.max };
}
