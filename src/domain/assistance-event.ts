import { z } from 'zod';

/** 就业帮扶服务 kinds, as the seeds name them. */
export const EVENT_TYPES = ['政策宣讲', '职业指导', '岗位推介', '技能培训', '创业培训', '就业见习', '招聘活动', '跟踪回访'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * One contact with one person. Events are append-only: a correction is a new event whose
 * `voids` names the event it replaces.
 */
export const AssistanceEventSchema = z.object({
  id: z.string().min(1),
  personId: z.string().min(1),
  type: z.enum(EVENT_TYPES),
  date: z.iso.date(),
  assistanceContact: z.string().trim().max(40).default(''),
  note: z.string().trim().max(500).default(''),
  voids: z.string().optional(),
  createdAt: z.iso.datetime(),
});

export type AssistanceEvent = z.infer<typeof AssistanceEventSchema>;
