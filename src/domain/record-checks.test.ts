import { describe, expect, it } from 'vitest';
import { aHouseholdRecord, anEmployedPerson, aPerson, VALID_ID_MALE_1990 } from '../../tests/builders';
import { anEvent, someEvents } from '../../tests/builders/events';
import type { AssistanceEvent } from './assistance-event';
import type { Person } from './person';
import { DEFAULT_WORKING_AGE } from './person-rules';
import {
  checkHouseholdRecord,
  checkPersonRecord,
  DEFAULT_REVERIFY_MONTHS,
  duplicateIdFinding,
  duplicateKeyOf,
  type RecordCheckContext,
} from './record-checks';
import { BUILT_IN_PACKAGES } from './service-package';

const context = (overrides: Partial<RecordCheckContext> = {}): RecordCheckContext => ({
  reportDate: '2026-06-15',
  workingAge: DEFAULT_WORKING_AGE,
  servicePackage: BUILT_IN_PACKAGES[0]!,
  owesPolicy: { rule: 'wantsWork', includePostLeavers: true, maxWorkingAge: 60 },
  reverifyMonths: DEFAULT_REVERIFY_MONTHS,
  ...overrides,
});

const codesOf = (person: Person, events: AssistanceEvent[] = [], overrides: Partial<RecordCheckContext> = {}) =>
  checkPersonRecord(person, events, context(overrides)).map((finding) => finding.code);

/** Someone not at work who wants work, surveyed on `surveyedAt`. */
const aJobSeeker = (overrides: Partial<Person> = {}) =>
  aPerson({
    name: '梁秀英',
    idNumber: VALID_ID_MALE_1990,
    workStatus: '在家务农',
    hasIntention: '是',
    monthsEmployedThisYear: 0,
    surveyor: '覃干部',
    surveyedAt: '2026-05-20',
    notWorkingSince: '2026-05-20',
    ...overrides,
  });

const onPost = { id: 's1', post: '保洁员', employer: '新国村委', startDate: '2026-01-01', fundingSource: '' };

describe('post.double_subsidy', () => {
  it.each([
    ['a post holder also recorded as working outside the county', anEmployedPerson({ publicPosts: [onPost] }), true],
    ['a post holder working inside the county', anEmployedPerson({ employmentRegion: { set: 'guangdong', value: '县内' }, publicPosts: [onPost] }), false],
    ['someone who left the post before the report date', anEmployedPerson({ publicPosts: [{ ...onPost, exitDate: '2026-03-01', exitDestination: '6.灵活就业' }] }), false],
    ['someone working outside the county with no post', anEmployedPerson(), false],
  ])('%s: fires = %s', (_, person, fires) => {
    expect(codesOf(person).includes('post.double_subsidy')).toBe(fires);
  });
});

describe('record.stale', () => {
  it.each([
    ['surveyed more than half a year before the report date', '2025-12-14', 6, true],
    ['surveyed exactly half a year before', '2025-12-15', 6, false],
    ['surveyed four months before, checked quarterly', '2026-02-14', 3, true],
    ['surveyed three months before, checked quarterly', '2026-03-15', 3, false],
  ])('%s: fires = %s', (_, surveyedAt, reverifyMonths, fires) => {
    const person = anEmployedPerson({ surveyedAt });
    expect(codesOf(person, [], { reverifyMonths }).includes('record.stale')).toBe(fires);
  });

  it('says when the record was last verified', () => {
    const [finding] = checkPersonRecord(anEmployedPerson({ surveyedAt: '2025-11-01' }), [], context()).filter((f) => f.code === 'record.stale');
    expect(finding).toMatchObject({ level: 'warning', field: 'surveyedAt' });
    expect(finding!.message).toContain('2025-11-01');
  });
});

describe('package.overdue', () => {
  it('fires a month after the person became owed, while the package is short', () => {
    const person = aJobSeeker({ notWorkingSince: '2026-05-10' });
    const [finding] = checkPersonRecord(person, someEvents({ 职业指导: 2 }, person.id), context()).filter((f) => f.code === 'package.overdue');
    expect(finding).toMatchObject({ level: 'error' });
    expect(finding!.message).toContain('2026-06-10');
    expect(finding!.message).toContain('岗位推介 5 次');
  });

  it.each([
    ['on the deadline day itself', { notWorkingSince: '2026-05-15' }, {}],
    ['when the full package was given', { notWorkingSince: '2026-04-01' }, { 职业指导: 2, 岗位推介: 5, 技能培训: 1 }],
    ['for someone at work', { workStatus: '外出务工' as const, hasIntention: undefined, notWorkingSince: '2026-01-01' }, {}],
  ])('does not fire %s', (_, overrides, services) => {
    const person = aJobSeeker(overrides);
    expect(codesOf(person, someEvents(services, person.id))).not.toContain('package.overdue');
  });
});

describe('internship.ineligible', () => {
  it('fires for a 34-year-old with no recent graduation', () => {
    const person = aJobSeeker();
    const findings = checkPersonRecord(person, [anEvent('就业见习', person.id, { date: '2026-06-01' })], context());
    expect(findings.find((f) => f.code === 'internship.ineligible')?.message).toContain('2026-06-01');
  });

  it('does not fire for a graduate of last year', () => {
    const person = aJobSeeker({ education: '大专', graduationDate: '2025-07' });
    expect(codesOf(person, [anEvent('就业见习', person.id)])).not.toContain('internship.ineligible');
  });

  it('does not fire for a young person who found work after the internship', () => {
    const young = aJobSeeker({ idNumber: '450225200603150138', workStatus: '外出务工', employmentRegion: { set: 'guangdong', value: '县内' }, employedSince: '2026-05', hasIntention: undefined });
    expect(codesOf(young, [anEvent('就业见习', young.id, { date: '2026-03-01' })])).not.toContain('internship.ineligible');
  });

  it('does not fire once the internship was voided', () => {
    const person = aJobSeeker();
    const internship = anEvent('就业见习', person.id);
    const voided = anEvent('作废', person.id, { voids: internship.id, reason: '录错人' });
    expect(codesOf(person, [internship, voided])).not.toContain('internship.ineligible');
  });
});

describe('年内累计就业时长 after New Year', () => {
  it('is judged against the survey day, not today', () => {
    const person = anEmployedPerson({ surveyedAt: '2025-11-20', monthsEmployedThisYear: 10 });
    expect(codesOf(person, [], { reportDate: '2026-01-05' })).not.toContain('employment.months');
    expect(codesOf({ ...person, monthsEmployedThisYear: 12 }, [], { reportDate: '2026-01-05' })).toContain('employment.months');
  });
});

describe('records before the survey', () => {
  it('are checked for their identity only', () => {
    const roster = aPerson({ idNumber: '450225199003150138' });
    expect(codesOf(roster)).toEqual(['id.checksum']);
  });
});

describe('household checks', () => {
  const farmer = (overrides: Partial<Person> = {}) => aJobSeeker({ labourAbility: '普通劳动力', ...overrides });
  const codes = (householdOverrides: Parameters<typeof aHouseholdRecord>[0], members: Person[], reportDate = '2026-06-15') =>
    checkHouseholdRecord(aHouseholdRecord(householdOverrides), members, { reportDate }).map((finding) => finding.code);

  it.each([
    ['zero-employment for more than a month', { zeroEmploymentSince: '2026-05-14' }, [farmer()], ['household.zero_employment']],
    ['zero-employment for exactly a month', { zeroEmploymentSince: '2026-05-15' }, [farmer()], []],
    ['once someone is at work again', { zeroEmploymentSince: '2026-01-01' }, [farmer(), anEmployedPerson()], []],
    ['relocated with a capable member and nobody at work', { relocated: true }, [farmer()], ['household.relocated_unemployed']],
    ['relocated with one member at work', { relocated: true }, [farmer(), anEmployedPerson()], []],
    ['relocated with only a student', { relocated: true }, [farmer({ isStudent: '是', labourAbility: '无劳动力' })], []],
    ['relocated before the members are surveyed', { relocated: true }, [aPerson({ labourAbility: '普通劳动力' })], []],
  ])('%s → %j', (_, household, members, expected) => {
    expect(codes(household, members)).toEqual(expected);
  });
});

describe('id.duplicate', () => {
  it('gives records the same key when their ID numbers match once spaces and full-width digits are folded', () => {
    const keys = [VALID_ID_MALE_1990, ` ${VALID_ID_MALE_1990.replace('9', '９')}`, '110101199003070011', '', '', '无', '无'].map(duplicateKeyOf);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    // Only well-formed numbers can be duplicates: empty and placeholder IDs get no key.
    expect(keys.slice(3)).toEqual(['', '', '', '']);
  });

  it('names the other records', () => {
    expect(duplicateIdFinding([{ name: '韦明', village: '新国村' }])).toMatchObject({ code: 'id.duplicate', level: 'error', message: '身份证号与 韦明（新国村） 的记录重复' });
  });
});
