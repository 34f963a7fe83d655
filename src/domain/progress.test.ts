import { describe, expect, it } from 'vitest';
import { anEmployedPerson, aPerson } from '../../tests/builders';
import {
  countedInYear,
  cumulativeByWeek,
  datedMilestones,
  employmentBeganOn,
  isStablyEmployed,
  judgePace,
  lastPastMilestone,
  nextMilestone,
  parseLooseMonth,
} from './progress';
import { DEFAULT_MILESTONES } from './targets';

const poverty = datedMilestones(DEFAULT_MILESTONES.poverty, 2023, 1175);

describe('milestones', () => {
  it('turns the seed shares into counts, rounding up', () => {
    expect(poverty).toEqual([
      { date: '2023-03-31', share: 0.6, required: 705 },
      { date: '2023-04-30', share: 0.85, required: 999 },
      { date: '2023-05-31', share: 1, required: 1175 },
    ]);
  });

  it.each([
    ['2023-03-30', '2023-03-31', undefined],
    ['2023-03-31', '2023-03-31', undefined],
    ['2023-04-01', '2023-04-30', '2023-03-31'],
    ['2023-05-31', '2023-05-31', '2023-04-30'],
    ['2023-06-01', '2023-05-31', '2023-05-31'],
  ])('on %s the next milestone is %s and the last one past %s', (day, next, past) => {
    expect(nextMilestone(poverty, day)?.date).toBe(next);
    expect(lastPastMilestone(poverty, day)?.date).toBe(past);
  });
});

describe('judgePace', () => {
  // 2023-03-01 is day 60 of the year; 30 days remain to 03-31.
  it.each([
    ['on pace: 600 by day 60 projects 900 ≥ 705', 600, '2023-03-01', 'green', 900],
    ['exactly on pace: 470 by day 60 projects 705', 470, '2023-03-01', 'green', 705],
    ['within a tenth: 440 by day 60 projects 660 ≥ 634.5', 440, '2023-03-01', 'amber', 660],
    ['far behind: 300 by day 60 projects 450', 300, '2023-03-01', 'red', 450],
    ['on the milestone day only what is done counts', 705, '2023-03-31', 'green', 705],
    ['after the last milestone, short of the target', 1000, '2023-06-15', 'red', 1000],
    ['after the last milestone, the target reached', 1175, '2023-06-15', 'green', 1175],
  ])('%s', (_, count, day, status, projected) => {
    const pace = judgePace(count, poverty, day);
    expect(pace?.status).toBe(status);
    expect(pace?.projected).toBe(projected);
  });

  it('projects only this year’s placements, not people still at work from before', () => {
    // 300 carried over from last year and nobody new by 01-10: red, not a projection of 2,700.
    const total = datedMilestones(DEFAULT_MILESTONES.total, 2023, 1000);
    expect(judgePace(300, total, '2023-01-10', 300)).toMatchObject({ status: 'red', projected: 300 });
    expect(judgePace(300, total, '2023-01-10', 0)?.status).toBe('green');
  });

  it('puts a 02-29 milestone on 02-28 in a common year', () => {
    expect(datedMilestones([{ date: '02-29', share: 1 }], 2023, 10)[0]!.date).toBe('2023-02-28');
    expect(datedMilestones([{ date: '02-29', share: 1 }], 2024, 10)[0]!.date).toBe('2024-02-29');
  });

  it('says amber for 704 of 705 on the milestone day', () => {
    expect(judgePace(704, poverty, '2023-03-31')?.status).toBe('amber');
  });

  it('has nothing to say without milestones', () => {
    expect(judgePace(10, [], '2023-03-01')).toBeUndefined();
  });
});

describe('counting 转移就业', () => {
  it.each([
    ['2023-05-01', '2023-05-01'],
    ['2023.5', '2023-05-01'],
    ['20230501', '2023-05-01'],
    ['2023年5月', '2023-05-01'],
    ['去年', undefined],
    ['2023-13', undefined],
    ['2023-05', '2023-05-01'],
    ['2023-02-00', undefined],
    ['', undefined],
  ])('reads %s as %s', (text, expected) => {
    expect(parseLooseMonth(text)).toBe(expected);
  });

  it.each([
    ['work that began before the year counts from 1 January', { employedSince: '2021-03' }, '2026-01-01'],
    ['work that began in the year counts from that day', { employedSince: '2026-04-10' }, '2026-04-10'],
    ['with no start, from the survey day', { employedSince: '' }, '2026-05-01'],
    ['work that began after the year does not count', { employedSince: '2027-02' }, null],
  ])('%s', (_, overrides, expected) => {
    expect(countedInYear(employmentBeganOn(anEmployedPerson(overrides)), 2026)).toBe(expected);
  });

  it('does not count someone not at work', () => {
    expect(countedInYear(employmentBeganOn(aPerson({ workStatus: '在家务农' })), 2026)).toBeNull();
  });

  it.each([
    [6, '2026-05-01', true],
    [5, '2026-05-01', false],
    [10, '2025-11-20', false],
  ])('counts %s months from a survey of %s as stable in 2026: %s', (months, surveyedAt, stable) => {
    expect(isStablyEmployed(anEmployedPerson({ monthsEmployedThisYear: months, surveyedAt }), 2026)).toBe(stable);
  });
});

describe('cumulativeByWeek', () => {
  it('counts people by the end of each week up to the report date', () => {
    const points = cumulativeByWeek(['2026-01-01', '2026-01-08', '2026-01-09', '2026-01-20'], 2026, '2026-01-20');
    expect(points).toEqual([
      { date: '2026-01-07', count: 1 },
      { date: '2026-01-14', count: 3 },
      { date: '2026-01-20', count: 4 },
    ]);
  });
});
