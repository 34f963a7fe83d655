import { describe, expect, it } from 'vitest';
import { anEmployedPerson, aPerson, VALID_ID_MALE_1990 } from '../../tests/builders';
import type { PersonInput } from './person';
import { applicablePart, checkPerson, DEFAULT_WORKING_AGE, surveyStateOf, type RuleContext } from './person-rules';

const context: RuleContext = { reportDate: '2026-05-20', workingAge: DEFAULT_WORKING_AGE };

function codesFor(overrides: Partial<PersonInput>, base = anEmployedPerson) {
  return checkPerson(base(overrides), context).map((finding) => `${finding.code}@${finding.field}`);
}

describe('survey rules', () => {
  it('finds nothing wrong with a complete, consistent survey', () => {
    expect(checkPerson(anEmployedPerson(), context)).toEqual([]);
  });

  it.each<[string, Partial<PersonInput>, string]>([
    ['a missing name', { name: '' }, 'person.required@name'],
    ['a missing ID number', { idNumber: '' }, 'person.required@idNumber'],
    ['a malformed ID number', { idNumber: '45022519900315' }, 'id.format@idNumber'],
    ['a wrong check digit', { idNumber: '450225199003150138' }, 'id.checksum@idNumber'],
    ['a typed sex the ID contradicts', { sex: '女' }, 'age.sex_mismatch@sex'],
    ['a typed age the ID contradicts', { age: 40 }, 'age.sex_mismatch@age'],
    ['an employed person without 就业所在地', { employmentRegion: undefined }, 'employment.region_missing@employmentRegion'],
    ['answers in both halves of the form', { hasIntention: '是', intendedEmployerType: '民营企业' }, 'employment.contradiction@workStatus'],
    ['13 months of work in a year', { monthsEmployedThisYear: 13 }, 'employment.months@monthsEmployedThisYear'],
    ['more months than have passed this year', { monthsEmployedThisYear: 6 }, 'employment.months@monthsEmployedThisYear'],
    ['half a month', { monthsEmployedThisYear: 2.5 }, 'employment.months@monthsEmployedThisYear'],
    ['an employed person with 0 months', { monthsEmployedThisYear: 0 }, 'employment.months@monthsEmployedThisYear'],
    ['a student who is not 无劳动力', { isStudent: '是', labourAbility: '普通劳动力' }, 'student.ability@labourAbility'],
    ['从未接受过培训 with another training', { trainingReceived: ['技能培训', '从未接受过培训'] }, 'value.exclusive@trainingReceived'],
    ['无 with a certificate', { certificates: ['无', '初级职业资格证书'] }, 'value.exclusive@certificates'],
    ['其他请说明 without the explanation', { industry: '其他请说明' }, 'person.required@industryOther'],
    ['a missing 调查人', { surveyor: '' }, 'person.required@surveyor'],
    ['a malformed phone number', { phone: '1234' }, 'phone.format@phone'],
  ])('flags %s', (_name, overrides, expected) => {
    expect(codesFor(overrides)).toContain(expected);
  });

  it.each<[string, Partial<PersonInput>]>([
    ['the typed age and sex that match the ID', { age: 36, sex: '男' }],
    ['an empty phone', { phone: '' }],
    ['a landline with area code', { phone: '0762-3388123' }],
    ['其他请说明 with its explanation', { industry: '其他请说明', industryOther: '电商' }],
    ['a student who is 无劳动力', { isStudent: '是', labourAbility: '无劳动力' }],
  ])('accepts %s', (_name, overrides) => {
    expect(checkPerson(anEmployedPerson(overrides), context)).toEqual([]);
  });

  it('warns, without making the record incomplete, outside working age', () => {
    const findings = checkPerson(anEmployedPerson({ idNumber: '450225195001010011' }), context);
    expect(findings).toEqual([{ code: 'age.working', level: 'warning', field: 'age', message: '76 岁，不在劳动年龄 16–60 岁内' }]);
  });

  it('asks a person not at work whether they want work, then why not', () => {
    const idle = { workStatus: '在家务农', employmentRegion: undefined, monthsEmployedThisYear: 0, employerName: '' } as const;
    expect(codesFor(idle)).toContain('status.missing@hasIntention');
    expect(codesFor({ ...idle, hasIntention: '否' })).toContain('status.missing@noIntentionReason');
    expect(codesFor({ ...idle, hasIntention: '否', noIntentionReason: '照顾家庭' })).toEqual([]);
  });

  it('counts months worked by someone not at work as a mistake', () => {
    const idle = { workStatus: '在家务农', employmentRegion: undefined, employerName: '', hasIntention: '是', monthsEmployedThisYear: 3 } as const;
    expect(codesFor(idle)).toContain('employment.months@monthsEmployedThisYear');
  });
});

describe('which part of the form applies', () => {
  it.each([
    ['外出务工', 'employed'],
    ['就近就业', 'employed'],
    ['在家务农', 'notEmployed'],
    ['其他', 'notEmployed'],
    [undefined, null],
  ] as const)('就失业状况 %s → %s', (workStatus, part) => {
    expect(applicablePart({ workStatus })).toBe(part);
  });
});

describe('survey state', () => {
  it('is 未调查 before the survey starts, 待完善 with errors, 已完成 without', () => {
    expect(surveyStateOf(aPerson(), context)).toBe('未调查');
    expect(surveyStateOf(aPerson({ surveyedAt: '2026-05-01', idNumber: VALID_ID_MALE_1990 }), context)).toBe('待完善');
    expect(surveyStateOf(anEmployedPerson({ phone: 'bad' }), context)).toBe('已完成');
  });
});
