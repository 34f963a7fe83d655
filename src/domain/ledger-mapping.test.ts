import { describe, expect, it } from 'vitest';
import { aPerson, VALID_ID_MALE_1990 } from '../../tests/builders';
import { anEvent } from '../../tests/builders/events';
import { aLedgerRow, anIdNumber, theSeedSampleRow } from '../../tests/fixtures/ledger-workbook';
import { HouseholdSchema, type Household, type HouseholdInput } from './household';
import {
  applyLedgerHousehold,
  applyLedgerPerson,
  createLedgerRecords,
  formatLedgerFieldError,
  fromLedgerRow,
  ledgerHouseholdId,
  ledgerPersonId,
  toLedgerRegion,
  toLedgerRow,
  type LedgerRecordFields,
} from './ledger-mapping';
import type { LedgerRow } from './ledger-row';
import type { Person, PersonInput } from './person';

const REPORT_DATE = '2026-05-31';
const NOW = new Date('2026-06-01T02:00:00Z');

function aHome(overrides: Partial<HouseholdInput> = {}): Household {
  return HouseholdSchema.parse({
    id: 'h1',
    county: '融水县',
    township: '融水镇',
    village: '新国村',
    head: '梁秀英',
    createdAt: '2026-05-01T08:00:00.000Z',
    updatedAt: '2026-05-01T08:00:00.000Z',
    ...overrides,
  });
}

/** A person who wants work, with a household of 融水县. */
const jobSeeker = (overrides: Partial<PersonInput> = {}) =>
  aPerson({
    name: '韦明',
    idNumber: VALID_ID_MALE_1990,
    phone: '13907721234',
    labourAbility: '普通劳动力',
    isStudent: '否',
    workStatus: '在家务农',
    hasIntention: '是',
    intendedRegion: { set: 'guangxi', value: '广东' },
    intendedEmployerType: '民营企业',
    expectedPay: '4000',
    nearTermPlan: '外出务工',
    monthsEmployedThisYear: 0,
    assistanceContact: '韦建华',
    assistanceContactPhone: '0772-5123456',
    ...overrides,
  });

function readOk(row: LedgerRow): LedgerRecordFields {
  const reading = fromLedgerRow(row, { reportDate: REPORT_DATE });
  if (!reading.ok) throw new Error(reading.errors.map(formatLedgerFieldError).join('; '));
  return reading.fields;
}

describe('toLedgerRow', () => {
  it('fills every column from the person, the household and the services in force', () => {
    const person = jobSeeker();
    const events = [
      anEvent('职业指导', person.id),
      anEvent('职业指导', person.id),
      anEvent('岗位推介', person.id),
      anEvent('技能培训', person.id),
      anEvent('职业指导', 'someone-else'),
    ];
    const voided = anEvent('岗位推介', person.id);
    events.push(voided, anEvent('作废', person.id, { voids: voided.id, reason: '录错了人' }));

    expect(toLedgerRow(person, aHome({ relocated: true, monitored: true, monitorType: '脱贫不稳定户' }), events, { reportDate: REPORT_DATE, serial: '1' })).toEqual({
      row: 0,
      serial: '1',
      county: '融水县',
      township: '融水镇',
      village: '新国村',
      name: '韦明',
      idNumber: VALID_ID_MALE_1990,
      phone: '13907721234',
      labourAbility: '普通劳动力',
      relocated: '是',
      isStudent: '否',
      monitored: '是',
      monitorType: '脱贫不稳定户',
      monthsEmployed: '0',
      employmentRegion: '',
      employedSince: '',
      employerName: '',
      intendedRegion: '广东',
      intendedEmployerType: '民营企业',
      expectedPay: '4000',
      nearTermPlan: '外出务工',
      noIntentionReason: '',
      guidanceCount: '2',
      referralCount: '1',
      internship: '否',
      training: '是',
      assistanceContact: '韦建华',
      assistanceContactPhone: '0772-5123456',
      remarks: '',
    } satisfies LedgerRow);
  });

  it.each<[string, Partial<PersonInput>, Partial<LedgerRow>]>([
    ['an employed person in the Guangxi wording', { employmentRegion: { set: 'guangxi', value: '区内市外' }, monthsEmployedThisYear: 5 }, { employmentRegion: '区内市外', monthsEmployed: '5' }],
    ['省外 (广东省口径) as 非广东区外', { employmentRegion: { set: 'guangdong', value: '省外' } }, { employmentRegion: '非广东区外' }],
    ['省内市外 as 区内市外', { employmentRegion: { set: 'guangdong', value: '省内市外' } }, { employmentRegion: '区内市外' }],
    ['县内 as 县内', { intendedRegion: { set: 'guangdong', value: '县内' } }, { intendedRegion: '县内' }],
    ['no months as a blank cell', { monthsEmployedThisYear: undefined }, { monthsEmployed: '' }],
    ['工作单位及岗位 when 就业单位名称 is blank', { employerAndPost: '深圳某电子厂 装配工' }, { employerName: '深圳某电子厂 装配工' }],
    ['the last server as the contact when none is assigned', { assistanceContact: '', assistanceContactPhone: '' }, { assistanceContact: '覃干部', assistanceContactPhone: '' }],
  ])('writes %s', (_case, overrides, expected) => {
    const person = jobSeeker(overrides);
    const events = [anEvent('职业指导', person.id, { assistanceContact: '覃干部' })];
    expect(toLedgerRow(person, aHome(), events, { reportDate: REPORT_DATE })).toMatchObject(expected);
  });

  it('counts 就业见习 as 是 and leaves out services dated after the report date', () => {
    const person = jobSeeker();
    const events = [anEvent('就业见习', person.id, { date: '2026-05-31' }), anEvent('技能培训', person.id, { date: '2026-06-01' })];
    expect(toLedgerRow(person, aHome(), events, { reportDate: REPORT_DATE })).toMatchObject({ internship: '是', training: '否', guidanceCount: '0' });
  });

  it('writes 否 for a household that is neither relocated nor monitored, and no type', () => {
    expect(toLedgerRow(jobSeeker(), aHome(), [], { reportDate: REPORT_DATE })).toMatchObject({ relocated: '否', monitored: '否', monitorType: '' });
  });
});

describe('fromLedgerRow', () => {
  it('reads what a row says about the person and the household', () => {
    expect(readOk(aLedgerRow({ row: 7, idNumber: anIdNumber().replace(/X$/, 'x') }))).toEqual({
      idNumber: anIdNumber(),
      person: {
        name: '梁秀英',
        idNumber: anIdNumber(),
        phone: '13907721234',
        labourAbility: '普通劳动力',
        isStudent: '否',
        monthsEmployedThisYear: 6,
        employmentRegion: { set: 'guangxi', value: '县内' },
        employedSince: '2026-03-01',
        employerName: '融水县苗韵食品有限公司',
        hasIntention: undefined,
        intendedRegion: undefined,
        intendedEmployerType: undefined,
        expectedPay: '',
        nearTermPlan: '',
        noIntentionReason: undefined,
        noIntentionReasonOther: '',
        assistanceContact: '韦建华',
        assistanceContactPhone: '0772-5123456',
        remarks: '',
      },
      household: { county: '融水县', township: '融水镇', village: '新国村', relocated: false, monitored: false, monitorType: undefined },
    } satisfies LedgerRecordFields);
  });

  it.each<[string, Partial<LedgerRow>, Partial<LedgerRecordFields['person']>]>([
    ['any intention column as 有就业意愿', { employmentRegion: '', nearTermPlan: '外出务工' }, { hasIntention: '是', nearTermPlan: '外出务工' }],
    ['a reason as 无就业意愿', { employmentRegion: '', noIntentionReason: '照顾家庭' }, { hasIntention: '否', noIntentionReason: '照顾家庭' }],
    ['an unlisted reason as 其他 with its words', { employmentRegion: '', noIntentionReason: '残疾' }, { noIntentionReason: '其他', noIntentionReasonOther: '残疾' }],
    ['a 广东省口径 region in that set', { employmentRegion: '省外' }, { employmentRegion: { set: 'guangdong', value: '省外' } }],
    ['months with a unit', { monthsEmployed: '6个月' }, { monthsEmployedThisYear: 6 }],
  ])('reads %s', (_case, overrides, expected) => {
    expect(readOk(aLedgerRow(overrides)).person).toMatchObject(expected);
  });

  it('reads the seed 附件2-1 sample as a monitored household of its type, contradiction and all', () => {
    const reading = fromLedgerRow(theSeedSampleRow({ name: '梁秀英', idNumber: anIdNumber() }));
    expect(reading.ok && reading.fields).toMatchObject({
      person: { labourAbility: '无劳动力', isStudent: '是', employmentRegion: { value: '广东' }, noIntentionReason: '重病', hasIntention: '否' },
      household: { county: '融水县', monitored: true, monitorType: '突发严重困难户', relocated: undefined },
    });
  });

  it.each<[string, Partial<LedgerRow>, string]>([
    ['a wrong check digit', { row: 12, idNumber: '450225199003150138' }, '第 12 行 身份证号：「450225199003150138」校验位错误'],
    ['an ID stored as a number', { idNumber: '4.50225E+17' }, '第 5 行 身份证号：「4.50225E+17」被 Excel 存成了数字，后几位已丢失：请把该列设为文本，重新填写身份证号'],
    ['a 17-digit ID', { idNumber: '45022519900315013' }, '第 5 行 身份证号：「45022519900315013」格式不对：应为18位，17位数字加1位数字或X'],
    ['no ID', { idNumber: '' }, '第 5 行 身份证号：为空：导入按身份证号认人，没有身份证号的行不能导入'],
    ['a birth date after the report date', { idNumber: anIdNumber('2026-06-02') }, `第 5 行 身份证号：「${anIdNumber('2026-06-02')}」出生日期不存在或晚于填报日期`],
    ['no name', { name: '' }, '第 5 行 姓名：为空：请填写姓名'],
    ['an unknown 劳动能力情况', { labourAbility: '全劳动力' }, '第 5 行 劳动能力情况：「全劳动力」不是可选值，应为：普通劳动力、半劳动力、弱劳动力、无劳动力、丧失劳动力'],
    ['是否易地搬迁安置户 = Y', { relocated: 'Y' }, '第 5 行 是否易地搬迁安置户：「Y」不是可选值，应为：是、否'],
    ['a city as 就业区域', { employmentRegion: '深圳' }, '第 5 行 就业区域：「深圳」不是可选值，应为：广东、非广东区外、区内市外、市内县外、县内'],
    ['13 months', { monthsEmployed: '13' }, '第 5 行 年内累计就业时长（月）：「13」不对：应为 0–12 的整数月数'],
    ['half a month', { monthsEmployed: '4.5' }, '第 5 行 年内累计就业时长（月）：「4.5」不对：应为 0–12 的整数月数'],
    ['monitored without a type', { monitored: '是' }, '第 5 行 监测对象类型：是监测对象但未填监测对象类型：应为脱贫不稳定户、边缘易致贫户、突发严重困难户之一'],
    ['a type without being monitored', { monitorType: '边缘易致贫户' }, '第 5 行 监测对象类型：填了监测对象类型（边缘易致贫户），但是否监测对象不是「是」'],
    ['a phone longer than the app keeps', { phone: '1'.repeat(31) }, `第 5 行 联系电话：「${'1'.repeat(31)}」太长：最多 30 个字`],
  ])('refuses %s', (_case, overrides, message) => {
    const reading = fromLedgerRow(aLedgerRow(overrides), { reportDate: REPORT_DATE });
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.errors.map(formatLedgerFieldError)).toEqual([message]);
  });

  it('lists every problem of a row', () => {
    const reading = fromLedgerRow(aLedgerRow({ idNumber: '', name: '', isStudent: '不是' }));
    expect(!reading.ok && reading.errors.map((error) => error.column)).toEqual(['身份证号', '姓名', '是否在校生']);
  });
});

describe('records → row → records', () => {
  it.each<[string, Partial<PersonInput>, Partial<HouseholdInput>]>([
    ['someone who wants work', {}, {}],
    ['someone at work in the county', { workStatus: '就近就业', hasIntention: undefined, intendedRegion: undefined, intendedEmployerType: undefined, expectedPay: '', nearTermPlan: '', employmentRegion: { set: 'guangxi', value: '县内' }, monthsEmployedThisYear: 4, employedSince: '2026-02', employerName: '融水县苗韵食品有限公司' }, { relocated: true }],
    ['someone who does not want work', { workStatus: '其他', hasIntention: '否', intendedRegion: undefined, intendedEmployerType: undefined, expectedPay: '', nearTermPlan: '', noIntentionReason: '重病' }, { monitored: true, monitorType: '边缘易致贫户' }],
  ])('reads back %s unchanged', (_case, overrides, home) => {
    const person = jobSeeker(overrides);
    const household = aHome(home);
    const fields = readOk({ ...toLedgerRow(person, household, [], { reportDate: REPORT_DATE }), row: 6 });
    expect(applyLedgerPerson(person, fields.person, NOW)).toBeUndefined();
    expect(applyLedgerHousehold(household, fields.household, { withAddress: true }, NOW)).toBeUndefined();
  });
});

describe('laying a row over records on file', () => {
  it('changes the fields the row carries, keeps the rest, and stamps the update', () => {
    const person = jobSeeker({ ethnicity: '苗族', surveyor: '覃干部' });
    const fields = readOk(aLedgerRow({ idNumber: VALID_ID_MALE_1990, name: '韦明', employmentRegion: '市内县外' }));
    const next = applyLedgerPerson(person, fields.person, NOW)!;
    expect(next).toMatchObject({
      id: person.id,
      householdId: person.householdId,
      ethnicity: '苗族',
      surveyor: '覃干部',
      workStatus: '外出务工',
      employmentRegion: { set: 'guangxi', value: '市内县外' },
      hasIntention: undefined,
      nearTermPlan: '',
      updatedAt: NOW.toISOString(),
      createdAt: person.createdAt,
    });
  });

  it.each<[string, Partial<PersonInput>, Partial<LedgerRow>, Person['workStatus']]>([
    ['employed in the county is 就近就业', { workStatus: '外出务工' }, { employmentRegion: '县内' }, '就近就业'],
    ['employed elsewhere is 外出务工', { workStatus: '就近就业' }, { employmentRegion: '广东' }, '外出务工'],
    ['not employed keeps 在家务农', { workStatus: '在家务农' }, { employmentRegion: '', nearTermPlan: '外出务工' }, '在家务农'],
    ['no longer employed, farming', { workStatus: '外出务工' }, { employmentRegion: '', noIntentionReason: '务农' }, '在家务农'],
    ['no longer employed, for another reason', { workStatus: '外出务工' }, { employmentRegion: '', noIntentionReason: '照顾家庭' }, '其他'],
    ['a row without any status keeps the record’s', { workStatus: '外出务工' }, { employmentRegion: '' }, '外出务工'],
  ])('derives 就失业状况: %s', (_case, overrides, row, expected) => {
    const fields = readOk(aLedgerRow({ idNumber: VALID_ID_MALE_1990, ...row }));
    const next = applyLedgerPerson(jobSeeker(overrides), fields.person, NOW);
    expect((next ?? jobSeeker(overrides)).workStatus).toBe(expected);
  });

  it('keeps a 广东省口径 answer that the ledger words the same way', () => {
    const person = jobSeeker({ workStatus: '外出务工', employmentRegion: { set: 'guangdong', value: '省外' }, hasIntention: undefined, intendedRegion: undefined, intendedEmployerType: undefined, expectedPay: '', nearTermPlan: '', monthsEmployedThisYear: 3 });
    const row = toLedgerRow(person, aHome(), [], { reportDate: REPORT_DATE });
    expect(row.employmentRegion).toBe('非广东区外');
    expect(applyLedgerPerson(person, readOk({ ...row, row: 6 }).person, NOW)).toBeUndefined();
  });

  it.each<[string, Partial<HouseholdInput>, Partial<LedgerRecordFields['household']>, boolean, Partial<Household> | undefined]>([
    ['sets the flags a row states', {}, { relocated: true, monitored: true, monitorType: '脱贫不稳定户' }, false, { relocated: true, monitored: true, monitorType: '脱贫不稳定户' }],
    ['keeps a flag the row leaves blank', { relocated: true }, { relocated: undefined }, false, undefined],
    ['clears the type when the row says 否', { monitored: true, monitorType: '边缘易致贫户' }, { monitored: false }, false, { monitored: false, monitorType: undefined }],
    ['does not move a household made on a phone', {}, { village: '安太村' }, false, undefined],
    ['moves a household the import made', {}, { village: '安太村' }, true, { village: '安太村' }],
  ])('household: %s', (_case, home, row, withAddress, expected) => {
    const fields = { county: '融水县', township: '融水镇', village: '新国村', relocated: undefined, monitored: undefined, monitorType: undefined, ...row };
    const next = applyLedgerHousehold(aHome(home), fields, { withAddress }, NOW);
    if (expected === undefined) expect(next).toBeUndefined();
    else expect(next).toMatchObject({ ...expected, updatedAt: NOW.toISOString() });
  });

  it('creates a new person in a household of their own, named after them, ids from the ID number', () => {
    const fields = readOk(aLedgerRow({ relocated: '是' }));
    const { person, household } = createLedgerRecords(fields, NOW);
    expect(household).toMatchObject({ id: ledgerHouseholdId(anIdNumber()), head: '梁秀英', county: '融水县', township: '融水镇', village: '新国村', povertyAlleviated: true, relocated: true, monitored: false });
    expect(person).toMatchObject({ id: ledgerPersonId(anIdNumber()), householdId: household.id, name: '梁秀英', workStatus: '就近就业', createdAt: NOW.toISOString() });
  });

  it('gives the same ids for the same ID number however it was typed, and different ones for another', () => {
    expect(ledgerPersonId(VALID_ID_MALE_1990)).toBe(ledgerPersonId(` ${VALID_ID_MALE_1990} `));
    expect(ledgerPersonId('45022519900315011x')).toBe(ledgerPersonId('45022519900315011X'));
    expect(ledgerPersonId(VALID_ID_MALE_1990)).toMatch(/^ledger-p-[0-9a-f]{16}$/);
    expect(ledgerHouseholdId(VALID_ID_MALE_1990)).toMatch(/^ledger-h-[0-9a-f]{16}$/);
    expect(ledgerPersonId(anIdNumber('1990-03-15', '023'))).not.toBe(ledgerPersonId(anIdNumber('1990-03-15', '013')));
  });
});

describe('toLedgerRegion', () => {
  it.each<[Parameters<typeof toLedgerRegion>[0], string]>([
    [undefined, ''],
    [{ set: 'guangxi', value: '广东' }, '广东'],
    [{ set: 'guangdong', value: '市内县外' }, '市内县外'],
    [{ set: 'guangdong', value: '月球' }, '月球'],
  ])('%j → %s', (answer, expected) => {
    expect(toLedgerRegion(answer)).toBe(expected);
  });
});
