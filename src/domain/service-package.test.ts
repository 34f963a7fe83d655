import { describe, expect, it } from 'vitest';
import type { AssistanceEventInput, ServiceEvent } from './assistance-event';
import { AssistanceEventSchema } from './assistance-event';
import { BUILT_IN_PACKAGES, findPackage, formatMissing, formatTally, tallyPackage } from './service-package';

let counter = 0;
function services(spec: Record<string, number>): ServiceEvent[] {
  return Object.entries(spec).flatMap(([type, count]) =>
    Array.from({ length: count }, () => {
      counter += 1;
      const details: Record<string, unknown> = { 岗位推介: { company: '某厂', post: '普工' }, 技能培训: { course: '电工' }, 创业培训: { course: 'SYB' }, 就业见习: { place: '某公司' }, 招聘活动: { eventName: '春风行动' } }[type] ?? {};
      return AssistanceEventSchema.parse({ id: `e${counter}`, personId: 'p1', type, date: '2026-05-01', createdAt: '2026-05-01T08:00:00.000Z', ...details } as AssistanceEventInput) as ServiceEvent;
    }),
  );
}

const pkg = (id: string) => findPackage(BUILT_IN_PACKAGES, id);

describe('service packages', () => {
  it.each([
    ['251 with nothing yet', '251', {}, '职业指导 0/2 · 岗位推介 0/5 · 培训或见习 0/1', false],
    ['251 met with an internship instead of training', '251', { 职业指导: 2, 岗位推介: 5, 就业见习: 1 }, '职业指导 2/2 · 岗位推介 5/5 · 培训或见习 1/1', true],
    ['251 one referral short', '251', { 职业指导: 2, 岗位推介: 4, 技能培训: 1 }, '职业指导 2/2 · 岗位推介 4/5 · 培训或见习 1/1', false],
    ['311 needs training, an internship does not count', '311', { 职业指导: 1, 岗位推介: 3, 就业见习: 1 }, '职业指导 1/1 · 岗位推介 3/3 · 技能培训 0/1', false],
    ['311 met', '311', { 职业指导: 1, 岗位推介: 3, 技能培训: 1 }, '职业指导 1/1 · 岗位推介 3/3 · 技能培训 1/1', true],
    ['1131 without the policy talk', '1131', { 职业指导: 1, 岗位推介: 3, 技能培训: 1 }, '政策宣讲 0/1 · 职业指导 1/1 · 岗位推介 3/3 · 培训或见习 1/1', false],
    ['1131 met', '1131', { 政策宣讲: 1, 职业指导: 1, 岗位推介: 3, 就业见习: 1 }, '政策宣讲 1/1 · 职业指导 1/1 · 岗位推介 3/3 · 培训或见习 1/1', true],
    ['extra services never exceed what is required on the card', '311', { 职业指导: 3, 岗位推介: 7, 技能培训: 1 }, '职业指导 1/1 · 岗位推介 3/3 · 技能培训 1/1', true],
  ])('tallies %s', (_name, id, spec, text, complete) => {
    const tally = tallyPackage(pkg(id), services(spec));
    expect(formatTally(tally)).toBe(text);
    expect(tally.isComplete).toBe(complete);
  });

  it('says what is missing', () => {
    expect(formatMissing(tallyPackage(pkg('251'), services({ 职业指导: 1, 岗位推介: 3 })))).toBe('职业指导 1 次、岗位推介 2 次、培训或见习 1 次');
  });
});
