/**
 * 就业所在地 / 就业区域 buckets depend on the reporting province: configuration, not code.
 * A stored answer keeps the id of the set it was chosen from, so changing 设置 later never
 * reinterprets old answers.
 */
export const REGION_BUCKET_SETS = {
  guangdong: { label: '广东省口径', buckets: ['省外', '省内市外', '市内县外', '县内'] },
  guangxi: { label: '广西口径', buckets: ['广东', '非广东区外', '区内市外', '市内县外', '县内'] },
} as const satisfies Record<string, { label: string; buckets: readonly string[] }>;

export type RegionBucketSetId = keyof typeof REGION_BUCKET_SETS;
export const REGION_BUCKET_SET_IDS = Object.keys(REGION_BUCKET_SETS) as RegionBucketSetId[];
export const DEFAULT_REGION_BUCKET_SET: RegionBucketSetId = 'guangdong';

export function listRegionBuckets(setId: RegionBucketSetId): readonly string[] {
  return REGION_BUCKET_SETS[setId].buckets;
}

export function isRegionBucketSetId(value: unknown): value is RegionBucketSetId {
  return typeof value === 'string' && value in REGION_BUCKET_SETS;
}
