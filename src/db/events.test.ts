import { describe, expect, it } from 'vitest';
import { aDatabase } from '../../tests/builders';
import { EventRejectedError, recordEvents, voidEvent } from './events';

const today = new Date('2026-05-20T08:00:00');

describe('recording assistance events', () => {
  it('records a group session as one event per person, each with its outbox revision', async () => {
    const db = aDatabase();
    const events = await recordEvents(
      db,
      ['p1', 'p2', 'p3'].map((personId) => ({ type: '招聘活动' as const, personId, date: '2026-05-18', eventName: '春风行动专场招聘会', hired: false })),
      today,
    );
    expect(events).toHaveLength(3);
    expect(await db.events.count()).toBe(3);
    expect(await db.outbox.where('kind').equals('event').count()).toBe(3);
  });

  it('stores nothing of a group when one event is invalid', async () => {
    const db = aDatabase();
    const attempt = recordEvents(
      db,
      [
        { type: '岗位推介', personId: 'p1', date: '2026-05-18', company: '某厂', post: '普工' },
        { type: '岗位推介', personId: 'p2', date: '2026-05-18', company: '', post: '普工' },
      ],
      today,
    );
    await expect(attempt).rejects.toEqual(new EventRejectedError(['岗位推介须填写推介企业']));
    expect(await db.events.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a date in the future', async () => {
    const db = aDatabase();
    await expect(recordEvents(db, [{ type: '职业指导', personId: 'p1', date: '2026-05-21' }], today)).rejects.toThrow('日期 2026-05-21 晚于今天，请核实');
  });

  it('voids an event once, and refuses to void it again', async () => {
    const db = aDatabase();
    const [guidance] = await recordEvents(db, [{ type: '职业指导', personId: 'p1', date: '2026-05-18' }], today);
    await voidEvent(db, guidance!, { reason: '录错人', assistanceContact: '覃干部' }, today);
    await expect(voidEvent(db, guidance!, { reason: '重复', assistanceContact: '覃干部' }, today)).rejects.toThrow('该记录已经作废，不能重复作废');
    expect(await db.events.where('type').equals('作废').count()).toBe(1);
  });
});
