import { z } from 'zod';

/** 就业帮扶服务 kinds, as the seeds name them. */
export const SERVICE_TYPES = ['政策宣讲', '职业指导', '岗位推介', '技能培训', '创业培训', '就业见习', '招聘活动', '跟踪回访'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
/** Kinds a whole group can receive in one session. */
export const GROUP_SERVICE_TYPES = ['招聘活动', '政策宣讲', '岗位推介'] as const satisfies readonly ServiceType[];
export const SATISFACTION_LEVELS = ['满意', '基本满意', '不满意'] as const;

const required = (message: string) => z.string({ error: message }).trim().min(1, { error: message }).max(200);
const optionalText = z.string().trim().max(500).default('');

const common = {
  id: z.string().min(1),
  personId: z.string().min(1),
  date: z.iso.date({ error: '请填写日期' }),
  assistanceContact: z.string().trim().max(40).default(''),
  note: optionalText,
  createdAt: z.iso.datetime(),
};

/** 电话回访 (seed 004): what the call found out, stored on a 跟踪回访 event. */
export const CallbackResultSchema = z.object({
  workAddress: optionalText,
  employer: optionalText,
  phone: z.string().trim().max(30).default(''),
  wage: optionalText,
  knowsTransportSubsidy: z.boolean().default(false),
  receivedTransportSubsidy: z.boolean().default(false),
  knowsJobRetentionSubsidy: z.boolean().default(false),
  receivedJobRetentionSubsidy: z.boolean().default(false),
  satisfaction: z.enum(SATISFACTION_LEVELS).optional(),
  drawId: z.string().optional(),
});

/**
 * One service given to one person, or the voiding of an earlier one. Events are append-only:
 * a mistake is corrected by a 作废 event naming the one it voids (and, if needed, a new event).
 */
export const AssistanceEventSchema = z.discriminatedUnion('type', [
  z.object({ ...common, type: z.literal('政策宣讲') }),
  z.object({ ...common, type: z.literal('职业指导') }),
  z.object({ ...common, type: z.literal('岗位推介'), company: required('岗位推介须填写推介企业'), post: required('岗位推介须填写推介岗位') }),
  z.object({ ...common, type: z.literal('技能培训'), course: required('请填写培训项目（课程）') }),
  z.object({ ...common, type: z.literal('创业培训'), course: required('请填写培训项目（课程）') }),
  z.object({ ...common, type: z.literal('就业见习'), place: required('请填写见习单位') }),
  z.object({ ...common, type: z.literal('招聘活动'), eventName: required('请填写招聘活动名称'), hired: z.boolean().default(false) }),
  z.object({ ...common, type: z.literal('跟踪回访'), result: optionalText, callback: CallbackResultSchema.optional() }),
  z.object({ ...common, type: z.literal('作废'), voids: z.string().min(1), reason: required('请填写作废原因') }),
]);

export type AssistanceEvent = z.infer<typeof AssistanceEventSchema>;
export type AssistanceEventInput = z.input<typeof AssistanceEventSchema>;
export type ServiceEvent = Exclude<AssistanceEvent, { type: '作废' }>;
export type VoidEvent = Extract<AssistanceEvent, { type: '作废' }>;

export function isServiceEvent(event: AssistanceEvent): event is ServiceEvent {
  return event.type !== '作废';
}

/** A service event with how it stands: voided (by whom, when, why) or in force. */
export interface EventStanding {
  event: ServiceEvent;
  voidedBy?: VoidEvent;
}

/** Pairs every service event with the 作废 event that voids it, if any; newest first. */
export function resolveEventStandings(events: readonly AssistanceEvent[]): EventStanding[] {
  const voids = new Map<string, VoidEvent>();
  for (const event of events) if (event.type === '作废' && !voids.has(event.voids)) voids.set(event.voids, event);
  return events
    .filter(isServiceEvent)
    .map((event) => ({ event, voidedBy: voids.get(event.id) }))
    .sort((a, b) => b.event.date.localeCompare(a.event.date) || b.event.createdAt.localeCompare(a.event.createdAt));
}

/** The services in force: recorded and not voided, in the order given (run over every person, so no sorting). */
export function activeServices(events: readonly AssistanceEvent[]): readonly ServiceEvent[] {
  let voided: Set<string> | undefined;
  for (const event of events) if (event.type === '作废') (voided ??= new Set()).add(event.voids);
  // Nothing voided (nearly everyone): the list itself, not a copy.
  if (!voided) return events as readonly ServiceEvent[];
  return events.filter((event): event is ServiceEvent => event.type !== '作废' && !voided.has(event.id));
}

/**
 * What a new event may not be, beyond its schema: dated in the future, or voiding something
 * that is not a service in force.
 */
export function checkNewEvent(event: AssistanceEvent, context: { today: string; existing: readonly AssistanceEvent[] }): string[] {
  const problems: string[] = [];
  if (event.date > context.today) problems.push(`日期 ${event.date} 晚于今天，请核实`);
  if (event.type === '作废') {
    const target = context.existing.find((existing) => existing.id === event.voids);
    if (!target || !isServiceEvent(target)) problems.push('要作废的记录不存在');
    else if (context.existing.some((existing) => existing.type === '作废' && existing.voids === event.voids)) {
      problems.push('该记录已经作废，不能重复作废');
    }
  }
  return problems;
}
