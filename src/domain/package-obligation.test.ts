import { describe, expect, it } from 'vitest';
import { aPerson, VALID_ID_MALE_1990 } from '../../tests/builders';
import { anEvent, someEvents } from '../../tests/builders/events';
import type { Household } from './household';
import { addOneMonth, checkInternshipEligibility, listOwedPeople, owedSince, owesPackage, type OwesRule } from './package-obligation';
import type { Person, PersonInput } from './person';
import { BUILT_IN_PACKAGES } from './service-package';

const idle = (overrides: Partial<PersonInput> = {}) => aPerson({ workStatus: '在家务农', notWorkingSince: '2026-05-01', ...overrides });

describe('who owes the package', () => {
  it.each<[string, Partial<PersonInput>, OwesRule, boolean]>([
    ['an unemployed person who wants work', { hasIntention: '是' }, 'wantsWork', true],
    ['an unemployed person who does not want work, by default', { hasIntention: '否' }, 'wantsWork', false],
    ['an unemployed person who does not want work, under the Liuzhou rule', { hasIntention: '否' }, 'allUnemployed', true],
    ['someone at work', { workStatus: '外出务工', hasIntention: '是' }, 'allUnemployed', false],
    ['a student', { isStudent: '是' }, 'allUnemployed', false],
    ['someone who cannot work', { labourAbility: '丧失劳动力' }, 'allUnemployed', false],
    ['someone whose status is not recorded', { workStatus: undefined }, 'allUnemployed', false],
  ])('%s → %s', (_name, overrides, rule, expected) => {
    expect(owesPackage(idle(overrides), rule)).toBe(expected);
  });
});

describe('公益性岗位退出人员', () => {
  const spell = (exitDate: string | undefined, exitDestination?: string) =>
    ({ id: `s${exitDate}`, employer: '新国村委', post: '保洁员', startDate: '2025-03-01', exitDate, exitDestination, fundingSource: '' }) as Person['publicPosts'][number];
  const policy = { rule: 'wantsWork' as const, includePostLeavers: true, maxWorkingAge: 60 };
  const atWork = (publicPosts: Person['publicPosts'], idNumber = VALID_ID_MALE_1990) => aPerson({ idNumber, workStatus: '就近就业', publicPosts });

  it.each<[string, Person, boolean]>([
    ['someone who left a post, at work again, still owes the package', atWork([spell('2026-04-30', '6.灵活就业')]), true],
    ['someone still on the post does not', atWork([spell(undefined)]), false],
    ['someone who retired from the post does not', atWork([spell('2026-04-30', '8.退休')]), false],
    ['someone over working age on leaving does not', atWork([spell('2026-04-30', '1.未就业')], '450225195001010011'), false],
  ])('%s', (_name, person, expected) => {
    expect(owesPackage(person, policy)).toBe(expected);
  });

  it('dates the obligation from the exit, and the setting can turn the rule off', () => {
    const person = atWork([spell('2025-06-30', '1.未就业'), spell('2026-04-30', '6.灵活就业')]);
    expect(owedSince(person, policy)).toBe('2026-04-30');
    expect(owesPackage(person, { ...policy, includePostLeavers: false })).toBe(false);
  });
});

describe('「待帮扶」', () => {
  const household: Household = { id: 'h1', head: '梁秀英', village: '新国村', county: '', township: '', group: '', number: '', povertyAlleviated: true, monitored: false, relocated: false, createdAt: '2026-05-01T00:00:00.000Z', updatedAt: '2026-05-01T00:00:00.000Z' };

  it('lists who still owes what, the nearest deadline first, and drops whoever is fully served', () => {
    const early = idle({ id: 'early', name: '韦明', hasIntention: '是', notWorkingSince: '2026-04-10' });
    const late = idle({ id: 'late', name: '覃芳', hasIntention: '是', notWorkingSince: '2026-05-10' });
    const served = idle({ id: 'served', name: '梁强', hasIntention: '是' });
    const rows = listOwedPeople({
      people: [late, served, early],
      households: new Map([['h1', household]]),
      eventsByPerson: new Map([
        ['early', someEvents({ 职业指导: 1, 岗位推介: 3 }, 'early')],
        ['served', someEvents({ 职业指导: 2, 岗位推介: 5, 技能培训: 1 }, 'served')],
      ]),
      servicePackage: BUILT_IN_PACKAGES[0]!,
      policy: { rule: 'wantsWork', includePostLeavers: true, maxWorkingAge: 60 },
      today: '2026-05-20',
    });
    expect(rows.map((row) => [row.name, row.deadline, row.daysLeft, row.tallyText])).toEqual([
      ['韦明', '2026-05-10', -10, '职业指导 1/2 · 岗位推介 3/5 · 培训或见习 0/1'],
      ['覃芳', '2026-06-10', 21, '职业指导 0/2 · 岗位推介 0/5 · 培训或见习 0/1'],
    ]);
    expect(rows[0]).toMatchObject({ village: '新国村', missingText: '职业指导 1 次、岗位推介 2 次、培训或见习 1 次' });
  });

  it('counts a voided service as not given', () => {
    const person = idle({ id: 'p9', hasIntention: '是' });
    const events = someEvents({ 职业指导: 2, 岗位推介: 5, 技能培训: 1 }, 'p9');
    const voidTraining = anEvent('作废', 'p9', { voids: events.at(-1)!.id, reason: '未参加' });
    const input = { people: [person], households: new Map(), servicePackage: BUILT_IN_PACKAGES[0]!, policy: { rule: 'wantsWork' as const, includePostLeavers: true, maxWorkingAge: 60 }, today: '2026-05-20' };
    expect(listOwedPeople({ ...input, eventsByPerson: new Map([['p9', events]]) })).toEqual([]);
    expect(listOwedPeople({ ...input, eventsByPerson: new Map([['p9', [...events, voidTraining]]]) })[0]?.missingText).toBe('培训或见习 1 次');
  });

  it.each([
    ['2026-05-10', '2026-06-10'],
    ['2026-01-31', '2026-02-28'],
    ['2024-01-31', '2024-02-29'],
    ['2026-12-15', '2027-01-15'],
  ])('sets the 动态清零 deadline a month after %s: %s', (since, deadline) => {
    expect(addOneMonth(since)).toBe(deadline);
  });
});

describe('就业见习 eligibility', () => {
  it.each<[string, Partial<PersonInput>, boolean]>([
    ['an unemployed 20-year-old', { idNumber: '450225200601010019', workStatus: '在家务农' }, true],
    ['a 2025 college graduate', { idNumber: VALID_ID_MALE_1990, education: '大专', graduationDate: '2025年6月' }, true],
    ['a 2023 technical school graduate, three years on', { idNumber: VALID_ID_MALE_1990, education: '技校', graduationDate: '2023年7月' }, false],
    ['a 2025 graduate of 初中', { idNumber: VALID_ID_MALE_1990, education: '初中', graduationDate: '2025年6月' }, false],
    ['a 36-year-old without a recent degree', { idNumber: VALID_ID_MALE_1990 }, false],
  ])('%s → %s', (_name, overrides, eligible) => {
    expect(checkInternshipEligibility(aPerson(overrides), '2026-05-20').eligible).toBe(eligible);
  });
});
