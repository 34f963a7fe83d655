import { describe, expect, it } from 'vitest';
import { anEvent } from '../../tests/builders/events';
import { activeServices, AssistanceEventSchema, checkNewEvent, resolveEventStandings, type AssistanceEvent } from './assistance-event';

describe('assistance events', () => {
  it.each([
    ['a 岗位推介 without company', { type: '岗位推介', post: '普工' }, '岗位推介须填写推介企业'],
    ['an event without a date', { type: '职业指导', date: '' }, '请填写日期'],
    ['a void without a reason', { type: '作废', voids: 'e1', reason: ' ' }, '请填写作废原因'],
  ])('refuses %s with a Chinese message', (_name, fields, message) => {
    const result = AssistanceEventSchema.safeParse({ id: 'x', personId: 'p1', date: '2026-05-01', createdAt: '2026-05-01T08:00:00.000Z', ...fields });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(message);
  });

  it('keeps a voided event visible with the event that voided it, and stops counting it', () => {
    const referral = anEvent('岗位推介');
    const guidance = anEvent('职业指导');
    const voiding = anEvent('作废', 'p1', { voids: referral.id, reason: '录错人', date: '2026-05-03' });
    const standings = resolveEventStandings([referral, guidance, voiding]);
    expect(standings).toHaveLength(2);
    expect(standings.find((standing) => standing.event.id === referral.id)?.voidedBy).toMatchObject({ reason: '录错人' });
    expect(activeServices([referral, guidance, voiding]).map((event) => event.id)).toEqual([guidance.id]);
  });

  it.each<[string, () => [AssistanceEvent, AssistanceEvent[]], string]>([
    ['a date in the future', () => [anEvent('职业指导', 'p1', { date: '2026-06-01' }), []], '日期 2026-06-01 晚于今天，请核实'],
    ['voiding an event twice', () => {
      const target = anEvent('职业指导');
      return [anEvent('作废', 'p1', { voids: target.id, reason: '重复' }), [target, anEvent('作废', 'p1', { voids: target.id, reason: '录错' })]];
    }, '该记录已经作废，不能重复作废'],
    ['voiding an event that is not there', () => [anEvent('作废', 'p1', { voids: 'nope', reason: '录错' }), []], '要作废的记录不存在'],
  ])('refuses %s', (_name, build, message) => {
    const [event, existing] = build();
    expect(checkNewEvent(event, { today: '2026-05-20', existing })).toContain(message);
  });
});
