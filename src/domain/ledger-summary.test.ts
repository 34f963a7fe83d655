import { describe, expect, it } from 'vitest';
import type { LedgerRow } from './ledger-row';
import { emptyFigures, SUMMARY_COLUMNS, summarizeLedger, toFigureArray, type SummaryFigures } from './ledger-summary';

function aLedgerRow(overrides: Partial<LedgerRow> = {}): LedgerRow {
  return {
    row: 5,
    serial: '',
    county: '',
    township: '',
    village: '',
    name: '',
    idNumber: '',
    phone: '',
    labourAbility: '',
    relocated: '',
    isStudent: '',
    monitored: '',
    monitorType: '',
    monthsEmployed: '',
    employmentRegion: '',
    employedSince: '',
    employerName: '',
    intendedRegion: '',
    intendedEmployerType: '',
    expectedPay: '',
    nearTermPlan: '',
    noIntentionReason: '',
    guidanceCount: '',
    referralCount: '',
    internship: '',
    training: '',
    assistanceContact: '',
    assistanceContactPhone: '',
    remarks: '',
    ...overrides,
  };
}

function addFigures(a: readonly number[], b: readonly number[]): number[] {
  return a.map((n, i) => n + b[i]!);
}

/** The single sample row of seed 000 附件2-1, cell by cell. */
const seedDetailRow = aLedgerRow({
  county: '融水县',
  labourAbility: '无劳动力',
  relocated: '是',
  monitored: '是',
  monitorType: '突发严重困难户',
  monthsEmployed: '4',
  employmentRegion: '广东',
  noIntentionReason: '重病',
  guidanceCount: '1',
  referralCount: '4',
  internship: '否',
  training: '是',
});

describe('summarizeLedger', () => {
  it('turns the seed sample detail row into the seed 融水县 summary row, counting the person it lists', () => {
    // Seed 000 附件2-2 gives 融水县 (and 柳州市) 劳动力总人数 0 although 附件2-1 lists one person
    // and the other figures count that person (无劳动力 1, 监测对象 1, 就业 1 …): a slip in the seed.
    // We count the row, so 劳动力总人数 is 1; the other 22 figures are the seed's exactly.
    const expected = [1, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 4, 0, 1];
    const summary = summarizeLedger([seedDetailRow], '县');
    expect(summary.groups.map((g) => g.name)).toEqual(['融水县']);
    expect(toFigureArray(summary.groups[0]!.figures)).toEqual(expected);
    expect(toFigureArray(summary.total)).toEqual(expected);
  });

  const places = [
    aLedgerRow({ county: '融水县', township: '融水镇', village: '新安村', labourAbility: '普通劳动力', guidanceCount: '2' }),
    aLedgerRow({ county: '三江县', township: '古宜镇', village: '江口村', employmentRegion: '县内', monthsEmployed: '8' }),
    aLedgerRow({ county: '融水县', township: '三防镇', village: '三防村', noIntentionReason: '升学' }),
    aLedgerRow({ county: '融水县', township: '融水镇', village: '大坪村', monitored: '是', training: '是' }),
    aLedgerRow({ county: '融水县', township: '融水镇', village: '新安村', intendedRegion: '广东', referralCount: '5' }),
    aLedgerRow({ county: '三江县', township: '融水镇', village: '新安村', employmentRegion: '广东' }),
  ];

  it.each([
    ['县', [['融水县', '融水县'], ['三江县', '三江县']], [4, 2]],
    ['乡', [['融水镇', '融水县', '融水镇'], ['古宜镇', '三江县', '古宜镇'], ['三防镇', '融水县', '三防镇'], ['融水镇', '三江县', '融水镇']], [3, 1, 1, 1]],
    [
      '村',
      [
        ['新安村', '融水县', '融水镇', '新安村'],
        ['江口村', '三江县', '古宜镇', '江口村'],
        ['三防村', '融水县', '三防镇', '三防村'],
        ['大坪村', '融水县', '融水镇', '大坪村'],
        ['新安村', '三江县', '融水镇', '新安村'],
      ],
      [2, 1, 1, 1, 1],
    ],
  ] as const)('groups by %s in order of first appearance, keeping same-named places in different parents apart', (by, expectedPlaces, expectedSizes) => {
    const { groups } = summarizeLedger(places, by);
    expect(groups.map((g) => [g.name, g.county, g.township, g.village].filter((p) => p !== undefined))).toEqual(expectedPlaces);
    expect(groups.map((g) => g.figures.labourers)).toEqual(expectedSizes);
  });

  it.each(['县', '乡', '村'] as const)('gives a 合计 equal to the sum of the groups when grouping by %s', (by) => {
    const { total, groups } = summarizeLedger(places, by);
    const sum = groups.map((g) => toFigureArray(g.figures)).reduce(addFigures);
    expect(toFigureArray(total)).toEqual(sum);
    expect(total.labourers).toBe(places.length);
  });

  it('gives a zero 合计 and no groups for an empty ledger', () => {
    expect(summarizeLedger([], '县')).toEqual({ total: emptyFigures(), groups: [] });
  });

  it('puts rows with a blank county into one group named by the blank', () => {
    const { groups } = summarizeLedger([aLedgerRow(), aLedgerRow({ county: '融水县' }), aLedgerRow()], '县');
    expect(groups.map((g) => [g.name, g.figures.labourers])).toEqual([['', 2], ['融水县', 1]]);
  });

  const definitions: [string, Partial<LedgerRow>[], Partial<SummaryFigures>][] = [
    ['counts every row as a labourer, even an empty one', [{}, {}], {}],
    ['counts 普通劳动力 as ordinary labour', [{ labourAbility: '普通劳动力' }], { ordinaryLabour: 1 }],
    ['counts 半劳动力 as half or weak labour', [{ labourAbility: '半劳动力' }], { partialLabour: 1 }],
    ['counts 弱劳动力 as half or weak labour', [{ labourAbility: '弱劳动力' }], { partialLabour: 1 }],
    ['counts 无劳动力 as no labour', [{ labourAbility: '无劳动力' }], { noLabour: 1 }],
    ['counts 丧失劳动力 as no labour', [{ labourAbility: '丧失劳动力' }], { noLabour: 1 }],
    ['leaves a labour ability outside the list in no ability column', [{ labourAbility: '残疾' }], {}],
    ['counts 是否监测对象 = 是 as monitored', [{ monitored: '是' }], { monitored: 1 }],
    ['does not count 是否监测对象 = 否 as monitored', [{ monitored: '否' }], {}],
    ['does not count a 监测对象类型 without 是否监测对象 = 是 as monitored', [{ monitorType: '脱贫不稳定户' }], {}],
    ['counts 6 months as employed 6 months or more', [{ monthsEmployed: '6' }], { stablyEmployed: 1 }],
    ['does not count 5 months as employed 6 months or more', [{ monthsEmployed: '5' }], {}],
    ['does not count 5.5 months as employed 6 months or more', [{ monthsEmployed: '5.5' }], {}],
    ['reads 6个月 as 6 months', [{ monthsEmployed: '6个月' }], { stablyEmployed: 1 }],
    ['reads full-width ６ as 6 months', [{ monthsEmployed: '６' }], { stablyEmployed: 1 }],
    ['counts 12 months as employed 6 months or more', [{ monthsEmployed: '12' }], { stablyEmployed: 1 }],
    ['does not count months written in words', [{ monthsEmployed: '半年' }], {}],
    ['counts 6 months beside a 无就业意向原因, contradiction included', [{ monthsEmployed: '6', noIntentionReason: '务农' }], { stablyEmployed: 1, withoutIntention: 1, noIntentionFarming: 1 }],
    ['counts 就业区域 = 广东 as employed in 广东', [{ employmentRegion: '广东' }], { employed: 1, employedGuangdong: 1 }],
    ['counts 就业区域 = 非广东区外 as employed outside the region', [{ employmentRegion: '非广东区外' }], { employed: 1, employedOutsideRegion: 1 }],
    ['counts 就业区域 = 区内市外 as employed in the region outside the city', [{ employmentRegion: '区内市外' }], { employed: 1, employedInRegionOutsideCity: 1 }],
    ['counts 就业区域 = 市内县外 as employed in the city outside the county', [{ employmentRegion: '市内县外' }], { employed: 1, employedInCityOutsideCounty: 1 }],
    ['counts 就业区域 = 县内 as employed in the county', [{ employmentRegion: '县内' }], { employed: 1, employedInCounty: 1 }],
    ['counts a 就业区域 outside the five buckets in 小计 only', [{ employmentRegion: '广东省' }], { employed: 1 }],
    ['treats cells named like object properties as ordinary unknown values', [{ employmentRegion: 'constructor', noIntentionReason: 'toString', labourAbility: '__proto__' }], { employed: 1, withoutIntention: 1, noIntentionOther: 1 }],
    ['does not count an empty 就业区域 with a 就业单位名称 as employed', [{ employerName: '柳州某厂' }], {}],
    ['does not count an empty 就业区域 with a 就业时间 as employed', [{ employedSince: '2023-03' }], {}],
    ['counts a 就业意向 as having intention', [{ intendedRegion: '县内' }], { withIntention: 1 }],
    ['counts a 就业意向单位性质 as having intention', [{ intendedEmployerType: '民营企业' }], { withIntention: 1 }],
    ['counts a 薪酬期望值 as having intention', [{ expectedPay: '3000' }], { withIntention: 1 }],
    ['counts a 近期打算 as having intention', [{ nearTermPlan: '外出务工' }], { withIntention: 1 }],
    ['counts a person with all four intention fields once', [{ intendedRegion: '广东', intendedEmployerType: '其他', expectedPay: '4000', nearTermPlan: '务工' }], { withIntention: 1 }],
    ['does not count blank-only intention fields as having intention', [{ intendedRegion: ' ', nearTermPlan: ' ' }], {}],
    ['counts employed and wanting work in both, contradiction included', [{ employmentRegion: '县内', expectedPay: '3000' }], { employed: 1, employedInCounty: 1, withIntention: 1 }],
    ['counts 无就业意向原因 = 升学', [{ noIntentionReason: '升学' }], { withoutIntention: 1, noIntentionStudying: 1 }],
    ['counts 无就业意向原因 = 重病', [{ noIntentionReason: '重病' }], { withoutIntention: 1, noIntentionIllness: 1 }],
    ['counts 无就业意向原因 = 照顾家庭', [{ noIntentionReason: '照顾家庭' }], { withoutIntention: 1, noIntentionFamilyCare: 1 }],
    ['counts 无就业意向原因 = 务农', [{ noIntentionReason: '务农' }], { withoutIntention: 1, noIntentionFarming: 1 }],
    ['counts 无就业意向原因 = 其他', [{ noIntentionReason: '其他' }], { withoutIntention: 1, noIntentionOther: 1 }],
    ['counts a reason outside the list in 小计 and 其他', [{ noIntentionReason: '残疾' }], { withoutIntention: 1, noIntentionOther: 1 }],
    ['does not count wanting work as having no intention', [{ nearTermPlan: '务农' }], { withIntention: 1 }],
    ['sums 职业指导服务次数 into 人次', [{ guidanceCount: '2' }, { guidanceCount: '3' }, { guidanceCount: '' }], { guidanceSessions: 5 }],
    ['sums 一对一岗位推介次数 into 人次', [{ referralCount: '5' }, { referralCount: '4' }], { referralSessions: 9 }],
    ['reads 2次 as 2 sessions', [{ guidanceCount: '2次' }], { guidanceSessions: 2 }],
    ['counts non-numeric session cells as 0', [{ guidanceCount: '两次' }, { referralCount: '若干' }, { referralCount: '-3' }], {}],
    ['counts 是否参加就业见习 = 是 as an internship', [{ internship: '是' }], { internships: 1 }],
    ['does not count 是否参加就业见习 = 否 as an internship', [{ internship: '否' }], {}],
    ['counts 是否参加技能培训 = 是 as trained', [{ training: '是' }], { trainees: 1 }],
    ['does not count 是否参加技能培训 = 否 as trained', [{ training: '否' }], {}],
  ];

  it.each(definitions)('%s', (_name, overrides, expected) => {
    const rows = overrides.map((o) => aLedgerRow({ county: '融水县', ...o }));
    const { total } = summarizeLedger(rows, '县');
    expect(total).toEqual({ ...emptyFigures(), labourers: rows.length, ...expected });
  });
});

describe('SUMMARY_COLUMNS', () => {
  it('lists the 23 figure columns of 附件2-2 in sheet order with their header wording', () => {
    expect(SUMMARY_COLUMNS.map((c) => c.label)).toEqual([
      '劳动力总人数',
      '普通劳动力人数',
      '半劳动力、弱劳动力人数',
      '无劳动力、丧失劳动力人数',
      '监测对象人数',
      '年内累计就业6个月以上人数',
      '小计',
      '广东',
      '非广东区外',
      '区内市外',
      '市内县外',
      '县内',
      '有就业意愿人数',
      '小计',
      '升学',
      '重病',
      '照顾家庭',
      '务农',
      '其他',
      '职业指导服务人次',
      '一对一岗位推介人次',
      '参加就业见习人数',
      '参加技能培训人数',
    ]);
  });

  it('names every figure exactly once', () => {
    const keys = SUMMARY_COLUMNS.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(Object.keys(emptyFigures()).sort());
  });

  it('gives toFigureArray the columns’ order', () => {
    const figures = emptyFigures();
    SUMMARY_COLUMNS.forEach((c, i) => {
      figures[c.key] = i + 1;
    });
    expect(toFigureArray(figures)).toEqual(SUMMARY_COLUMNS.map((_c, i) => i + 1));
  });
});
