import { AssistanceEventSchema, type AssistanceEvent, type AssistanceEventInput } from '../../src/domain/assistance-event';

let counter = 0;

const DETAILS: Record<string, Record<string, unknown>> = {
  岗位推介: { company: '柳州某汽车配件厂', post: '装配工' },
  技能培训: { course: '电工' },
  创业培训: { course: 'SYB 创业培训' },
  就业见习: { place: '融水县某公司' },
  招聘活动: { eventName: '春风行动专场招聘会' },
};

/** An event of `type` for `personId`, with the details its kind requires. */
export function anEvent(type: string, personId = 'p1', overrides: Partial<Record<string, unknown>> = {}): AssistanceEvent {
  counter += 1;
  return AssistanceEventSchema.parse({
    id: `e${counter}`,
    personId,
    type,
    date: '2026-05-02',
    createdAt: `2026-05-02T08:00:${String(counter % 60).padStart(2, '0')}.000Z`,
    ...DETAILS[type],
    ...overrides,
  } as AssistanceEventInput);
}

/** Several events: `{ 职业指导: 2, 岗位推介: 5 }`. */
export function someEvents(spec: Record<string, number>, personId = 'p1'): AssistanceEvent[] {
  return Object.entries(spec).flatMap(([type, count]) => Array.from({ length: count }, () => anEvent(type, personId)));
}
