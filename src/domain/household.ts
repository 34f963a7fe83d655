import { z } from 'zod';

/** 监测对象类型, wording of seed 000 附件2-1. */
export const MONITOR_TYPES = ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'] as const;
export type MonitorType = (typeof MONITOR_TYPES)[number];

const addressPart = z.string().trim().max(40).default('');

/**
 * A registered household (户). Address runs 县（区）→ 乡镇（街道）→ 村（社区）→ 屯（组）.
 * Monitored households (监测对象) carry their type; the type without the flag is invalid.
 */
export const HouseholdSchema = z
  .object({
    id: z.string().min(1),
    county: addressPart,
    township: addressPart,
    village: addressPart,
    group: addressPart,
    number: z.string().trim().max(40).default(''),
    head: z.string().trim().min(1, { error: '请填写户主姓名' }).max(40),
    povertyAlleviated: z.boolean().default(true),
    monitored: z.boolean().default(false),
    monitorType: z.enum(MONITOR_TYPES).optional(),
    riskRemoved: z.boolean().optional(),
    relocated: z.boolean().default(false),
    /** 零就业家庭: the day the phone first saw no working-capable member employed; derived. */
    zeroEmploymentSince: z.iso.date().optional(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .superRefine((household, ctx) => {
    if (household.monitored && !household.monitorType) {
      ctx.addIssue({ code: 'custom', path: ['monitorType'], message: '监测对象须选择监测对象类型' });
    }
    if (!household.monitored && household.monitorType) {
      ctx.addIssue({ code: 'custom', path: ['monitorType'], message: '非监测对象不应填写监测对象类型' });
    }
  });

export type Household = z.infer<typeof HouseholdSchema>;
export type HouseholdInput = z.input<typeof HouseholdSchema>;

/** The address as a cadre says it: 村（社区）+ 屯（组）, or whatever parts are known. */
export function formatHouseholdAddress(household: Pick<Household, 'township' | 'village' | 'group'>): string {
  return [household.township, household.village, household.group].filter(Boolean).join(' ');
}
