import { describe, expect, it } from 'vitest';
import { aLedgerRow, anIdNumber, theSeedSampleRow } from '../../tests/fixtures/ledger-workbook';
import { checkLedgerRows, type LedgerFinding } from './ledger-checks';
import type { LedgerRow } from './ledger-row';

const REPORT_DATE = '2026-11-25';
const codesOf = (findings: readonly LedgerFinding[]) => findings.map((finding) => finding.code);
const check = (row: LedgerRow, options: Partial<Parameters<typeof checkLedgerRows>[1]> = {}) =>
  checkLedgerRows([row], { reportDate: REPORT_DATE, ...options });

/** an unemployed person who wants work and has had the whole 251 package */
const unemployed: Partial<LedgerRow> = {
  monthsEmployed: '0',
  employmentRegion: '',
  employedSince: '',
  employerName: '',
  intendedRegion: '区内市外',
  nearTermPlan: '外出务工',
};

describe('checkLedgerRows', () => {
  it('finds nothing on a clean employed row', () => {
    expect(check(aLedgerRow())).toEqual([]);
  });

  it('finds nothing on a clean unemployed row whose package is complete', () => {
    expect(check(aLedgerRow(unemployed))).toEqual([]);
  });

  it('flags the seed 附件2-1 sample row (employed in 广东 and 重病) as a contradiction', () => {
    const findings = check(theSeedSampleRow({ row: 6 }));
    expect(findings).toContainEqual(
      expect.objectContaining({ row: 6, code: 'employment.contradiction', level: 'error', column: '就业区域' }),
    );
    expect(codesOf(findings)).not.toContain('student.ability');
    expect(codesOf(findings)).not.toContain('monitor.type');
    expect(codesOf(findings)).not.toContain('employment.months');
  });

  it.each<[string, Partial<LedgerRow>, string, 'error' | 'warning', string]>([
    ['a 17-character ID', { idNumber: anIdNumber().slice(0, 17) }, 'id.format', 'error', '身份证号'],
    ['an ID stored as a number and shown as 4.50225E+17', { idNumber: '4.50225E+17' }, 'id.format', 'error', '身份证号'],
    ['an empty ID', { idNumber: '' }, 'id.format', 'error', '身份证号'],
    ['a wrong check digit', { idNumber: anIdNumber().slice(0, 17) + (anIdNumber().endsWith('1') ? '2' : '1') }, 'id.checksum', 'error', '身份证号'],
    ['a birth date of 31 February', { idNumber: '450225199002310013' }, 'id.birthdate', 'error', '身份证号'],
    ['a birth date after the report date', { idNumber: anIdNumber('2026-12-01') }, 'id.birthdate', 'error', '身份证号'],
    ['a 15-year-old', { idNumber: anIdNumber('2011-01-01') }, 'age.working', 'warning', '身份证号'],
    ['a 61-year-old', { idNumber: anIdNumber('1965-11-24') }, 'age.working', 'warning', '身份证号'],
    ['employed with an intended region', { intendedRegion: '广东' }, 'employment.contradiction', 'error', '就业区域'],
    ['employed with a 近期打算', { nearTermPlan: '继续务工' }, 'employment.contradiction', 'error', '就业区域'],
    ['employed with a 无就业意向原因', { noIntentionReason: '照顾家庭' }, 'employment.contradiction', 'error', '就业区域'],
    ['13 months', { monthsEmployed: '13' }, 'employment.months', 'error', '年内累计就业时长（月）'],
    ['half a month', { monthsEmployed: '4.5' }, 'employment.months', 'error', '年内累计就业时长（月）'],
    ['12 months in November', { monthsEmployed: '12' }, 'employment.months', 'error', '年内累计就业时长（月）'],
    ['months without employment', { ...unemployed, monthsEmployed: '3' }, 'employment.months', 'error', '年内累计就业时长（月）'],
    ['0 months for an employed person', { monthsEmployed: '0' }, 'employment.months', 'error', '年内累计就业时长（月）'],
    ['no months for an employed person', { monthsEmployed: '' }, 'employment.months', 'error', '年内累计就业时长（月）'],
    ['an employer without a region', { ...unemployed, employerName: '融水县苗韵食品有限公司' }, 'employment.region_missing', 'error', '就业区域'],
    ['a start date without a region', { ...unemployed, employedSince: '2026-03-01' }, 'employment.region_missing', 'error', '就业区域'],
    ['neither employed nor intention nor reason', { ...unemployed, intendedRegion: '', nearTermPlan: '' }, 'status.missing', 'error', '就业区域'],
    ['a student with 普通劳动力', { isStudent: '是' }, 'student.ability', 'error', '劳动能力情况'],
    ['a student without 劳动能力情况', { isStudent: '是', labourAbility: '' }, 'student.ability', 'error', '劳动能力情况'],
    ['monitored without a type', { monitored: '是' }, 'monitor.type', 'error', '监测对象类型'],
    ['a type without being monitored', { monitorType: '脱贫不稳定户' }, 'monitor.type', 'error', '监测对象类型'],
    ['an unknown 劳动能力情况', { labourAbility: '全劳动力' }, 'value.unknown', 'error', '劳动能力情况'],
    ['是否易地搬迁安置户 = Y', { relocated: 'Y' }, 'value.unknown', 'error', '是否易地搬迁安置户'],
    ['是否在校生 = 不是', { isStudent: '不是' }, 'value.unknown', 'error', '是否在校生'],
    ['是否参加就业见习 = 有', { internship: '有' }, 'value.unknown', 'error', '是否参加就业见习'],
    ['是否参加技能培训 = 1', { training: '1' }, 'value.unknown', 'error', '是否参加技能培训'],
    ['an unknown 监测对象类型', { monitored: '是', monitorType: '低保户' }, 'value.unknown', 'error', '监测对象类型'],
    ['a Guangdong-style 就业区域', { employmentRegion: '省外' }, 'value.unknown', 'error', '就业区域'],
    ['a city as 就业意向', { ...unemployed, intendedRegion: '深圳' }, 'value.unknown', 'error', '就业意向'],
    ['an unknown 就业意向单位性质', { ...unemployed, intendedEmployerType: '外资企业' }, 'value.unknown', 'error', '就业意向单位性质'],
    ['an unknown 无就业意向原因', { ...unemployed, intendedRegion: '', nearTermPlan: '', noIntentionReason: '年龄大' }, 'value.unknown', 'error', '无就业意向原因'],
    ['one 职业指导 short', { ...unemployed, guidanceCount: '1' }, 'package.incomplete', 'warning', '职业指导服务次数'],
    ['four 岗位推介', { ...unemployed, referralCount: '4' }, 'package.incomplete', 'warning', '一对一岗位推介次数'],
    ['neither 见习 nor 培训', { ...unemployed, training: '否', internship: '' }, 'package.incomplete', 'warning', '是否参加技能培训'],
    ['a 10-digit mobile', { phone: '1390772123' }, 'phone.format', 'warning', '联系电话'],
    ['a landline without area code', { assistanceContactPhone: '5123456' }, 'phone.format', 'warning', '帮扶联系人电话'],
  ])('flags %s', (_case, overrides, code, level, column) => {
    const findings = check(aLedgerRow(overrides));
    expect(findings).toContainEqual({ row: 5, code, level, column, message: expect.any(String) as string });
    expect(findings.find((finding) => finding.code === code)?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each<[string, Partial<LedgerRow>, string]>([
    ['a lower-case x check digit', { idNumber: '45022519900315003x' }, 'id.format'],
    ['an ID with spaces and full-width digits', { idNumber: ` ${anIdNumber().slice(0, 6)} ${anIdNumber().slice(6).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))}` }, 'id.format'],
    ['a birth date on the report date', { idNumber: anIdNumber('2010-11-25') }, 'id.birthdate'],
    ['someone turning 16 on the report date', { idNumber: anIdNumber('2010-11-25') }, 'age.working'],
    ['someone 60 until tomorrow', { idNumber: anIdNumber('1965-11-26') }, 'age.working'],
    ['employed with only 就业区域 filled in', { employedSince: '', employerName: '' }, 'employment.contradiction'],
    ['11 months in November', { monthsEmployed: '11' }, 'employment.months'],
    ['0 months when not employed', { ...unemployed, monthsEmployed: '0' }, 'employment.months'],
    ['no months when not employed', { ...unemployed, monthsEmployed: '' }, 'employment.months'],
    ['a region with no employer or start date', { employedSince: '', employerName: '' }, 'employment.region_missing'],
    ['only a 无就业意向原因', { ...unemployed, intendedRegion: '', nearTermPlan: '', noIntentionReason: '务农' }, 'status.missing'],
    ['only a 薪酬期望值', { ...unemployed, intendedRegion: '', nearTermPlan: '', expectedPay: '3000元' }, 'status.missing'],
    ['a student with 无劳动力', { isStudent: '是', labourAbility: '无劳动力' }, 'student.ability'],
    ['monitored with a type', { monitored: '是', monitorType: '边缘易致贫户' }, 'monitor.type'],
    ['every option of the seed', { labourAbility: '弱劳动力', relocated: '是', monitored: '是', monitorType: '脱贫不稳定户', employmentRegion: '非广东区外' }, 'value.unknown'],
    ['empty choice columns', { relocated: '', isStudent: '', monitored: '', internship: '', training: '' }, 'value.unknown'],
    ['an internship instead of training', { ...unemployed, training: '否', internship: '是' }, 'package.incomplete'],
    ['an employed person with no services', { guidanceCount: '', referralCount: '', training: '否' }, 'package.incomplete'],
    ['a landline with area code and no hyphen', { phone: '07725123456' }, 'phone.format'],
    ['no phone at all', { phone: '', assistanceContactPhone: '' }, 'phone.format'],
  ])('does not flag %s', (_case, overrides, code) => {
    expect(codesOf(check(aLedgerRow(overrides)))).not.toContain(code);
  });

  it('gives each row of a duplicate ID the finding, naming the other rows', () => {
    const id = anIdNumber('1985-06-01', '021');
    const findings = checkLedgerRows(
      [aLedgerRow({ row: 5, idNumber: id }), aLedgerRow({ row: 6 }), aLedgerRow({ row: 9, idNumber: id.toLowerCase() }), aLedgerRow({ row: 12, idNumber: ` ${id}` })],
      { reportDate: REPORT_DATE },
    );
    const duplicates = findings.filter((finding) => finding.code === 'id.duplicate');
    expect(duplicates.map((finding) => finding.row)).toEqual([5, 9, 12]);
    expect(duplicates[0]).toMatchObject({ level: 'error', column: '身份证号', message: expect.stringContaining('9、12') as string });
  });

  it('does not take two mangled IDs for the same person', () => {
    const findings = checkLedgerRows([aLedgerRow({ row: 5, idNumber: '4.50225E+17' }), aLedgerRow({ row: 6, idNumber: '4.50225E+17' })], { reportDate: REPORT_DATE });
    expect(codesOf(findings)).toEqual(['id.format', 'id.format']);
  });

  it('judges age against a configured working-age range', () => {
    const row = aLedgerRow({ idNumber: anIdNumber('1962-01-01') });
    expect(codesOf(check(row))).toContain('age.working');
    expect(codesOf(check(row, { workingAge: { min: 16, max: 65 } }))).not.toContain('age.working');
  });

  it('judges months against the report date', () => {
    const row = aLedgerRow({ monthsEmployed: '4' });
    expect(codesOf(check(row, { reportDate: '2026-03-31' }))).toContain('employment.months');
    expect(codesOf(check(row, { reportDate: '2026-04-01' }))).not.toContain('employment.months');
  });

  it('judges the package configured (311 asks for training, not an internship)', () => {
    const row = aLedgerRow({ ...unemployed, guidanceCount: '1', referralCount: '3', training: '否', internship: '是' });
    expect(codesOf(check(row, { packageId: '311' }))).toContain('package.incomplete');
    expect(codesOf(check(aLedgerRow({ ...row, training: '是' }), { packageId: '311' }))).not.toContain('package.incomplete');
  });

  it('says in the package finding what is short', () => {
    const [finding] = check(aLedgerRow({ ...unemployed, guidanceCount: '1', referralCount: '3', training: '否' }));
    expect(finding?.message).toBe('未就业，251 就业帮扶未落实完：职业指导 1/2，岗位推介 3/5，培训或见习 0/1');
  });

  it('returns findings in row order', () => {
    const findings = checkLedgerRows([aLedgerRow({ row: 5, phone: '123' }), aLedgerRow({ row: 6, idNumber: '' })], { reportDate: REPORT_DATE });
    expect(findings.map((finding) => finding.row)).toEqual([5, 6]);
  });
});
