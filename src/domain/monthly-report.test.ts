import { describe, expect, it } from 'vitest';
import { aPerson } from '../../tests/builders';
import { anEvent } from '../../tests/builders/events';
import { HouseholdSchema, type Household, type HouseholdInput } from './household';
import { computeMonthlyReport, isCountedHousehold, MONTHLY_REPORT_COLUMNS, type MonthlyFigureKey, type MonthlyReportInput } from './monthly-report';
import type { Person } from './person';

function aHome(id: string, overrides: Partial<HouseholdInput> = {}): Household {
  return HouseholdSchema.parse({ id, head: '户主', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', ...overrides });
}

const spell = (id: string, startDate: string, exitDate?: string): Person['publicPosts'][number] => ({ id, employer: '新国村委', post: '保洁员', startDate, exitDate, fundingSource: '' });

/**
 * A small township: 韦明 (脱贫户) recorded in January and at work from March; 梁秀英 (监测户)
 * recorded on 1 March Beijing time, on a 公益性岗位 twice; 覃丽 at work since last year; and
 * 黄强, whose household is neither 脱贫户 nor 监测户 and is never counted.
 */
function aTownship(): MonthlyReportInput {
  const households = [
    aHome('poor'),
    aHome('monitored', { povertyAlleviated: false, monitored: true, monitorType: '边缘易致贫户' }),
    aHome('other', { povertyAlleviated: false }),
  ];
  const people = [
    aPerson({ id: 'wei', householdId: 'poor', name: '韦明', createdAt: '2026-01-10T02:00:00.000Z', updatedAt: '2026-03-05T02:00:00.000Z', surveyedAt: '2026-02-03', workStatus: '外出务工', employedSince: '2026-03' }),
    aPerson({
      id: 'liang',
      householdId: 'monitored',
      name: '梁秀英',
      // 17:00 UTC on 28 February is 1 March in Beijing.
      createdAt: '2026-02-28T17:00:00.000Z',
      updatedAt: '2026-04-30T20:00:00.000Z',
      surveyedAt: '2026-03-02',
      workStatus: '在家务农',
      publicPosts: [spell('s1', '2026-01-15', '2026-03-10'), spell('s2', '2026-04-01')],
    }),
    aPerson({ id: 'qin', householdId: 'poor', name: '覃丽', createdAt: '2025-12-01T02:00:00.000Z', updatedAt: '2025-12-05T02:00:00.000Z', surveyedAt: '2025-12-05', workStatus: '就近就业' }),
    aPerson({ id: 'huang', householdId: 'other', name: '黄强', createdAt: '2026-03-01T02:00:00.000Z', updatedAt: '2026-03-01T02:00:00.000Z', surveyedAt: '2026-03-01', workStatus: '外出务工', publicPosts: [spell('s3', '2026-03-01')] }),
  ];
  const voided = anEvent('创业培训', 'liang', { date: '2026-04-11' });
  const events = [
    anEvent('政策宣讲', 'wei', { date: '2026-01-20' }),
    anEvent('政策宣讲', 'wei', { date: '2026-01-25' }),
    anEvent('政策宣讲', 'liang', { date: '2026-01-22' }),
    anEvent('政策宣讲', 'huang', { date: '2026-01-22' }),
    anEvent('招聘活动', 'wei', { date: '2026-03-15', hired: true }),
    anEvent('招聘活动', 'liang', { date: '2026-03-15', hired: false }),
    anEvent('技能培训', 'liang', { date: '2026-04-10' }),
    voided,
    anEvent('作废', 'liang', { date: '2026-04-12', voids: voided.id, reason: '未参加' }),
    anEvent('创业培训', 'wei', { date: '2026-05-02' }),
    anEvent('跟踪回访', 'qin', { date: '2026-01-05' }),
    anEvent('跟踪回访', 'wei', { date: '2026-03-20' }),
    anEvent('跟踪回访', 'liang', { date: '2026-03-20' }),
    anEvent('跟踪回访', 'huang', { date: '2026-03-20' }),
  ];
  return { households, people, events };
}

describe('computeMonthlyReport', () => {
  const report = computeMonthlyReport(aTownship(), { year: 2026, toMonth: 6 });
  const column = (key: MonthlyFigureKey) => [...report.months.map((month) => month.figures[key]), report.total[key]];

  it('has one row per month with its 日期', () => {
    expect(report.months.map((month) => [month.month, month.label])).toEqual([
      ['2026-01', '2026年1月'],
      ['2026-02', '2026年2月'],
      ['2026-03', '2026年3月'],
      ['2026-04', '2026年4月'],
      ['2026-05', '2026年5月'],
      ['2026-06', '2026年6月'],
    ]);
  });

  // Jan … Jun, then 累计.
  it.each<[string, MonthlyFigureKey, (number | null)[]]>([
    ['与扶贫办核对建档人数: first recorded in the month (Beijing time); 累计 everyone on record', 'registered', [1, 0, 1, 0, 0, 0, 3]],
    ['已上门调查人数: 调查时间 in the month', 'surveyed', [0, 1, 1, 0, 0, 0, 2]],
    ['政策宣传人数: distinct people told', 'informed', [2, 0, 0, 0, 0, 0, 2]],
    ['通过举办专项招聘活动解决贫困劳动力就业人数: 招聘活动 marked 已录用', 'hiredAtRecruitment', [0, 0, 1, 0, 0, 0, 1]],
    ['建立车间数量: not recorded', 'workshops', [null, null, null, null, null, null, null]],
    ['车间 安置贫困劳动力就业人数: not recorded', 'workshopPlacements', [null, null, null, null, null, null, null]],
    ['岗位设置数: spells held in the month', 'publicPosts', [1, 1, 1, 1, 1, 1, 2]],
    ['公益性岗位 安置贫困劳动力就业人数: distinct holders', 'publicPostHolders', [1, 1, 1, 1, 1, 1, 1]],
    ['技能培训人数', 'skillsTrainees', [0, 0, 0, 1, 0, 0, 1]],
    ['创业培训人数: a voided course does not count', 'startupTrainees', [0, 0, 0, 0, 1, 0, 1]],
    ['已就业人数: at work at the month’s end, from 就业时间', 'employed', [1, 1, 2, 2, 2, 2, 2]],
    ['进行跟踪服务人数: of those, followed up in the month', 'followedUp', [1, 0, 1, 0, 0, 0, 2]],
    ['与扶贫部门确认更新…人数: records last updated in the month', 'confirmed', [0, 0, 1, 0, 1, 0, 2]],
  ])('%s', (_case, key, expected) => {
    expect(column(key)).toEqual(expected);
  });

  it('covers only the months asked for, 累计 included', () => {
    const spring = computeMonthlyReport(aTownship(), { year: 2026, fromMonth: 3, toMonth: 4 });
    expect(spring.months.map((month) => month.label)).toEqual(['2026年3月', '2026年4月']);
    expect(spring.total).toMatchObject({ surveyed: 1, informed: 0, hiredAtRecruitment: 1, publicPosts: 2, skillsTrainees: 1 });
  });

  it('reads the month of a timestamp in the office’s time zone', () => {
    const utc = computeMonthlyReport(aTownship(), { year: 2026, toMonth: 3, utcOffsetMinutes: 0 });
    expect(utc.months.map((month) => month.figures.registered)).toEqual([1, 1, 0]);
  });

  it('counts an employed person without a readable 就业时间 from the survey day', () => {
    const input = aTownship();
    input.people = [aPerson({ householdId: 'poor', workStatus: '外出务工', employedSince: '去年', surveyedAt: '2026-02-10', createdAt: '2026-01-01T00:00:00.000Z' })];
    expect(computeMonthlyReport(input, { year: 2026, toMonth: 3 }).months.map((month) => month.figures.employed)).toEqual([0, 1, 1]);
  });

  it('refuses months outside 1–12', () => {
    expect(() => computeMonthlyReport(aTownship(), { year: 2026, fromMonth: 0 })).toThrow(RangeError);
    expect(() => computeMonthlyReport(aTownship(), { year: 2026, fromMonth: 5, toMonth: 4 })).toThrow(RangeError);
  });
});

describe('the 月报表 population', () => {
  it.each<[string, Partial<HouseholdInput>, boolean]>([
    ['a 脱贫户', { povertyAlleviated: true }, true],
    ['a 监测户 that is not a 脱贫户', { povertyAlleviated: false, monitored: true, monitorType: '突发严重困难户' }, true],
    ['neither', { povertyAlleviated: false }, false],
  ])('counts %s: %s', (_case, overrides, expected) => {
    expect(isCountedHousehold(aHome('h', overrides))).toBe(expected);
  });
});

describe('MONTHLY_REPORT_COLUMNS', () => {
  it('numbers the groups 1–7 as the 序号 row does', () => {
    expect([...new Set(MONTHLY_REPORT_COLUMNS.map((column) => column.serial))]).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
