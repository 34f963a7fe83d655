import { describe, expect, it } from 'vitest';
import { computeAge, computeIdCheckCharacter, normalizeIdNumber, parseIdNumber } from './id-card';

const REPORT_DATE = '2026-05-20';

/** A valid ID from its first 17 digits, so the tables say what each case is about. */
function buildId(first17: string): string {
  return first17 + computeIdCheckCharacter(first17);
}

const RONGSHUI_MALE_1990 = buildId('45022519900315013');
const YUANCHENG_FEMALE_X = buildId('44160219850101000');
const RONGSHUI_LEAP_DAY_2000 = buildId('45022520000229002');

describe('ID check character', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['45022519900315013', '9'],
    ['44160219850101000', 'X'],
    ['45022520000229002', '0'],
    ['44160219850101001', '8'],
  ])('is computed for %s as %s', (first17, expected) => {
    expect(computeIdCheckCharacter(first17)).toBe(expected);
  });

  it.each([['4502251990031501'], ['450225199003150139'], ['4502251990031501X']])('refuses to compute from %s, which is not 17 digits', (first17) => {
    expect(() => computeIdCheckCharacter(first17)).toThrow();
  });
});

describe('ID number normalisation', () => {
  it.each([
    ['trims and drops inner spaces', ' 450225 19900315 0139 ', '450225199003150139'],
    ['drops a full-width space', '450225\u300019900315 0139', '450225199003150139'],
    ['turns full-width digits into ASCII', '４５０２２５１９９００３１５０１３９', '450225199003150139'],
    ['turns a lower-case x into X', '11010519491231002x', '11010519491231002X'],
    ['turns a full-width lower-case x into X', '11010519491231002ｘ', '11010519491231002X'],
    ['turns a full-width upper-case X into X', '11010519491231002Ｘ', '11010519491231002X'],
  ])('%s', (_name, raw, expected) => {
    expect(normalizeIdNumber(raw)).toBe(expected);
  });
});

describe('ID number parsing', () => {
  it.each([
    ['a man from 融水', RONGSHUI_MALE_1990, { idNumber: RONGSHUI_MALE_1990, regionCode: '450225', birthDate: '1990-03-15', sex: '男' }],
    ['a woman from 河源 whose check character is X', YUANCHENG_FEMALE_X, { idNumber: '44160219850101000X', regionCode: '441602', birthDate: '1985-01-01', sex: '女' }],
    ['someone born on 29 Feb 2000', RONGSHUI_LEAP_DAY_2000, { idNumber: RONGSHUI_LEAP_DAY_2000, regionCode: '450225', birthDate: '2000-02-29', sex: '女' }],
    ['the published example', '11010519491231002X', { idNumber: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: '女' }],
    ['a lower-case x', '11010519491231002x', { idNumber: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: '女' }],
    ['full-width digits', '４５０２２５１９９００３１５０１３９', { idNumber: RONGSHUI_MALE_1990, regionCode: '450225', birthDate: '1990-03-15', sex: '男' }],
    ['spaces between the groups', '450225 19900315 0139', { idNumber: RONGSHUI_MALE_1990, regionCode: '450225', birthDate: '1990-03-15', sex: '男' }],
    ['someone born on the report date', buildId('45022520260520011'), { idNumber: buildId('45022520260520011'), regionCode: '450225', birthDate: '2026-05-20', sex: '男' }],
    ['someone born on 1 Jan 1900', buildId('45022519000101011'), { idNumber: buildId('45022519000101011'), regionCode: '450225', birthDate: '1900-01-01', sex: '男' }],
  ])('accepts %s', (_name, raw, expected) => {
    expect(parseIdNumber(raw, REPORT_DATE)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['1', '男'],
    ['3', '男'],
    ['9', '男'],
    ['0', '女'],
    ['2', '女'],
    ['8', '女'],
  ])('reads a 17th digit of %s as %s', (digit, sex) => {
    const result = parseIdNumber(buildId(`4416021985010100${digit}`), REPORT_DATE);
    expect(result.ok && result.value.sex).toBe(sex);
  });

  it.each([
    ['a wrong check digit', '450225199003150138', 'id.checksum', '身份证号校验位错误'],
    ['a check X where a digit belongs', '45022519900315013X', 'id.checksum', '身份证号校验位错误'],
    ['17 characters', '45022519900315013', 'id.format', '身份证号应为18位：17位数字加1位数字或X'],
    ['19 characters', '4502251990031501390', 'id.format', '身份证号应为18位：17位数字加1位数字或X'],
    ['a letter inside', '4502251990O3150139', 'id.format', '身份证号应为18位：17位数字加1位数字或X'],
    ['an X that is not last', '45022519900315X139', 'id.format', '身份证号应为18位：17位数字加1位数字或X'],
    ['an empty string', '', 'id.format', '身份证号应为18位：17位数字加1位数字或X'],
    ['the old 15-digit number', '450225900315013', 'id.format', '身份证号应为18位：17位数字加1位数字或X'],
    ['29 Feb 1900, which was not a leap year', buildId('45022519000229011'), 'id.birthdate', '身份证号中的出生日期不存在'],
    ['29 Feb 2023', buildId('45022520230229011'), 'id.birthdate', '身份证号中的出生日期不存在'],
    ['month 13', buildId('45022519901315011'), 'id.birthdate', '身份证号中的出生日期不存在'],
    ['month 00', buildId('45022519900015011'), 'id.birthdate', '身份证号中的出生日期不存在'],
    ['day 00', buildId('45022519900300011'), 'id.birthdate', '身份证号中的出生日期不存在'],
    ['31 April', buildId('45022519900431011'), 'id.birthdate', '身份证号中的出生日期不存在'],
    ['a birth date before 1900', buildId('45022518991231011'), 'id.birthdate', '身份证号中的出生日期不存在'],
    ['a birth date the day after the report date', buildId('45022520260521011'), 'id.birthdate', '身份证号中的出生日期晚于填报日期'],
    ['an impossible birth date even when its check digit is also wrong', '450225199013150110', 'id.birthdate', '身份证号中的出生日期不存在'],
  ])('rejects %s', (_name, raw, code, message) => {
    expect(parseIdNumber(raw, REPORT_DATE)).toEqual({ ok: false, code, message });
  });
});

describe('age from birth date', () => {
  it.each([
    ['the day before the birthday', '1990-03-15', '2026-03-14', 35],
    ['on the birthday', '1990-03-15', '2026-03-15', 36],
    ['the day after the birthday', '1990-03-15', '2026-03-16', 36],
    ['a month before the birthday', '1990-03-15', '2026-02-15', 35],
    ['on the day of birth', '2026-05-20', '2026-05-20', 0],
    ['the last day of the first year', '2025-05-20', '2026-05-19', 0],
    ['the New Year\u2019s Eve before a 1 Jan birthday', '1985-01-01', '2025-12-31', 40],
    ['a 29 Feb birthday on 28 Feb of a non-leap year', '2000-02-29', '2025-02-28', 24],
    ['a 29 Feb birthday on 1 Mar of a non-leap year', '2000-02-29', '2025-03-01', 25],
    ['a 29 Feb birthday on 28 Feb of a leap year', '2000-02-29', '2024-02-28', 23],
    ['a 29 Feb birthday on 29 Feb of a leap year', '2000-02-29', '2024-02-29', 24],
  ])('counts whole years %s', (_name, birthDate, date, expected) => {
    expect(computeAge(birthDate, date)).toBe(expected);
  });
});
