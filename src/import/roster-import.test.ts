import { describe, expect, it } from 'vitest';
import type { Household } from '../domain/household';
import { createPerson } from '../domain/person';
import { formatIssue, type ImportContext, type ImportPlan } from './import-plan';
import { openSpreadsheet } from './open-spreadsheet';
import { defaultGrouping, describeMissingFields, guessMapping, rememberMapping, type Grouping, type RosterMapping } from './roster-fields';
import { aRosterLine, anId, aWorkbook, ROSTER_HEADER, withWrongCheckDigit } from './roster-fixtures';
import { planRosterImport } from './roster-rows';
import { describeHeaderProblem, pickRosterSheet, readRosterTable } from './roster-table';
import type { Sheet, SheetCell } from './sheet';

const TODAY = '2026-05-01';
const EMPTY: ImportContext = { people: [], households: [] };

function aSheet(rows: (string | SheetCell)[][], merges: Sheet['merges'] = []): Sheet {
  return { name: '花名册', rows: rows.map((cells) => cells.map((cell) => (typeof cell === 'string' ? { text: cell } : cell))), merges };
}

function plan(rows: (string | SheetCell)[][], options: { context?: ImportContext; grouping?: Grouping; mapping?: RosterMapping; merges?: Sheet['merges'] } = {}): ImportPlan {
  const table = readRosterTable(aSheet(rows, options.merges));
  const mapping = options.mapping ?? guessMapping(table.headers);
  return planRosterImport(table, mapping, options.grouping ?? defaultGrouping(mapping), options.context ?? EMPTY, TODAY);
}

const errors = (result: ImportPlan) => result.issues.filter((issue) => issue.level === 'error').map(formatIssue);
const notices = (result: ImportPlan) => result.issues.filter((issue) => issue.level === 'notice').map(formatIssue);

describe('guessing the column of each field from the header', () => {
  it.each([
    ['姓名', 'name'],
    ['身份证号码', 'idNumber'],
    ['公民身份号码', 'idNumber'],
    ['户主身份证号码（18位）', 'headIdNumber'],
    ['*联系电话', 'phone'],
    ['手机号码', 'phone'],
    ['乡（镇）', 'township'],
    ['县(市、区)', 'county'],
    ['组/屯', 'group'],
    ['户号', 'householdNumber'],
    ['户主', 'headName'],
    ['帮扶责任人', 'assistanceContact'],
    ['出生年月', 'birthDate'],
  ])('「%s」 is %s', (header, field) => {
    expect(guessMapping(['序号', header])).toEqual({ [field]: 2 });
  });

  it('uses what the clerk chose last time over the guess, including "not imported"', () => {
    const headers = ['序号', '人员', '身份证号', '电话'];
    const remembered = rememberMapping(headers, { name: 2, idNumber: 3 });
    expect(remembered).toEqual({ 序号: '', 人员: 'name', 身份证号: 'idNumber', 电话: '' });
    expect(guessMapping(headers, remembered)).toEqual({ name: 2, idNumber: 3 });
  });

  it('groups by 户编号 when there is one, else by 户主身份证号, else one household per row', () => {
    expect(defaultGrouping({ name: 1, idNumber: 2, householdNumber: 3, headIdNumber: 4 })).toBe('householdNumber');
    expect(defaultGrouping({ name: 1, idNumber: 2, headIdNumber: 4 })).toBe('headIdNumber');
    expect(defaultGrouping({ name: 1, idNumber: 2 })).toBe('row');
  });

  it('says which required field has no column', () => {
    expect(describeMissingFields({ name: 1 })).toBe('还没有指定“身份证号”在哪一列：请在下面选择');
    expect(describeMissingFields({ name: 1, idNumber: 2 })).toBeUndefined();
  });
});

describe('finding the header and the data', () => {
  it('skips a title and a 填报单位 line, the column-number row and the 填表说明 after the data', () => {
    const table = readRosterTable(
      aSheet([
        ['融水镇脱贫户花名册'],
        ['填报单位：融水镇'],
        [...ROSTER_HEADER],
        ROSTER_HEADER.map((_, index) => String(index + 1)),
        aRosterLine(),
        [],
        ['填表说明：1.身份证号请设为文本'],
      ]),
    );
    expect(table.headerRow).toBe(3);
    expect(table.headerGuessed).toBe(false);
    expect(table.rows.map((row) => row.row)).toEqual([5]);
  });

  it('reads a header split in two rows by a merged group heading', () => {
    const sheet = aSheet([['序号', '人员基本信息', ''], ['', '姓名', '身份证号'], ['1', '梁秀英', anId()]], [
      { ref: 'A1:A2', top: 1, left: 1, bottom: 2, right: 1 },
      { ref: 'B1:C1', top: 1, left: 2, bottom: 1, right: 3 },
    ]);
    const table = readRosterTable(sheet);
    expect(table.headers).toEqual(['序号', '姓名', '身份证号']);
    expect(table.rows.map((row) => row.row)).toEqual([3]);
    expect(table.dataMerges).toEqual([]);
  });

  it('points to the right sheet when the chosen one has no roster header', async () => {
    const file = await openSpreadsheet(await aWorkbook({ 说明: [['本表为花名册'], ['请勿改动表头']], 花名册: [[...ROSTER_HEADER], aRosterLine()] }), '花名册.xlsx');
    expect(pickRosterSheet(file.sheets)).toBe(1);
    expect(describeHeaderProblem(file.sheets, 0)).toBe('工作表「说明」前 20 行里没有找到花名册的表头（姓名、身份证号……）；工作表「花名册」像是花名册，请换到那里');
    expect(describeHeaderProblem(file.sheets, 1)).toBeUndefined();
  });
});

describe('validating every row', () => {
  it('plans two households and three people from a clean roster grouped by 户编号', () => {
    const result = plan([
      [...ROSTER_HEADER],
      aRosterLine(),
      aRosterLine({ 姓名: '韦明', 与户主关系: '子', 身份证号码: anId('2001-06-01', '021') }),
      aRosterLine({ 户编号: 'H002', 户主姓名: '覃海', 姓名: '覃海', 身份证号码: anId('1975-01-09', '035'), 村: '大坪村' }),
    ]);
    expect(errors(result)).toEqual([]);
    expect(result.summary).toEqual({ added: 3, updated: 0, unchanged: 0, errorRows: 0, householdsAdded: 2 });
    expect(result.households.map((household) => household.fields)).toEqual([
      { number: 'H001', head: '梁秀英', county: '融水县', township: '融水镇', village: '新国村', group: '一组' },
      { number: 'H002', head: '覃海', county: '融水县', township: '融水镇', village: '大坪村', group: '一组' },
    ]);
    expect(result.people[1]).toMatchObject({ row: 3, householdKey: 'number:H001', fields: { name: '韦明', sex: '男', phone: '13907721234' } });
  });

  it.each([
    ['a wrong check digit', { 身份证号码: withWrongCheckDigit(anId()) }, '第 2 行 身份证号：校验位错误'],
    ['an ID of 17 characters', { 身份证号码: anId().slice(0, 17) }, '第 2 行 身份证号：应为18位：17位数字加1位数字或X'],
    ['an ID whose birth date does not exist', { 身份证号码: anId('1990-02-30') }, '第 2 行 身份证号：出生日期不存在'],
    ['an empty ID', { 身份证号码: '' }, '第 2 行 身份证号：未填写'],
    ['an ID Excel showed in scientific notation', { 身份证号码: '4.50225E+17' }, '第 2 行 身份证号：以科学计数法保存（4.50225E+17），后几位已丢失：请把该列设为“文本”后重新录入'],
    ['an ID whose last digits Excel turned into zeros', { 身份证号码: '450225199003150000' }, '第 2 行 身份证号：校验位错误（末三位是 000，可能曾被存成数字、后几位已丢失：请把该列设为“文本”后重新录入）'],
    ['an empty name', { 姓名: '' }, '第 2 行 姓名：未填写'],
    ['a missing 户编号 when grouping by it', { 户编号: '' }, '第 2 行 户编号：未填写（按户编号分户时每行都要有户编号）'],
  ])('refuses %s', (_case, overrides, message) => {
    const result = plan([[...ROSTER_HEADER], aRosterLine(overrides)]);
    expect(errors(result)).toEqual([message]);
    expect(result.people).toEqual([]);
    expect(result.summary.errorRows).toBe(1);
  });

  it('flags an ID stored as a number in an .xlsx, and never "repairs" it', () => {
    const result = plan([['姓名', '身份证号'], ['梁秀英', { text: '4.50225E+17', number: Number(anId()) }]]);
    expect(errors(result)).toEqual(['第 2 行 身份证号：以数字格式保存，后几位已丢失（显示为 4.50225E+17）：请把该列设为“文本”后重新录入']);
  });

  it('tidies full-width digits and stray spaces, and says where', () => {
    const fullWidth = anId().replace(/\d/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
    const result = plan([[...ROSTER_HEADER], aRosterLine({ 身份证号码: fullWidth, 姓名: '梁 秀英', 联系电话: '139 0772 1234' })]);
    expect(errors(result)).toEqual([]);
    expect(notices(result)).toEqual(['第 2 行 姓名：已去掉字间的空格', '第 2 行 身份证号：全角数字已改为半角', '第 2 行 联系电话：已去掉中间的空格']);
    expect(result.people[0]?.fields).toMatchObject({ name: '梁秀英', idNumber: anId(), phone: '13907721234' });
  });

  it('refuses the same person twice in one file, naming the first row', () => {
    const result = plan([[...ROSTER_HEADER], aRosterLine(), aRosterLine()]);
    expect(errors(result)).toEqual(['第 3 行 身份证号：与第 2 行重复（同一个人只能有一行）']);
    expect(result.summary).toMatchObject({ added: 1, errorRows: 1 });
  });

  it('checks 性别 and 出生日期 against the ID number, dates in any usual form', () => {
    const rows = [
      ['姓名', '身份证号', '性别', '出生日期'],
      ['甲', anId('1990-03-15', '013'), '男', '1990.3.15'],
      ['乙', anId('1991-03-15', '013'), '男', { text: '33312', number: 33312 }],
      ['丙', anId('1992-03-15', '013'), '男', '199203'],
      ['丁', anId('1993-03-15', '013'), '女', '19930315'],
      ['戊', anId('1994-03-15', '013'), '男', '1994年4月'],
      ['己', anId('1995-03-15', '013'), '男', '三月'],
    ];
    expect(errors(plan(rows))).toEqual([
      '第 5 行 性别：与身份证号不符（身份证号为男性）',
      '第 6 行 出生日期：1994-04 与身份证号中的出生日期 1994-03-15 不一致',
      '第 7 行 出生日期：无法识别的日期“三月”（可写 2023-05-01、2023.5.1、20230501 或 2023年5月1日）',
    ]);
  });

  it('reads 就业时间 typed as a serial, as text or as a month', () => {
    const result = plan([
      ['姓名', '身份证号', '就业时间'],
      ['甲', anId('1990-03-15', '013'), { text: '45047', number: 45047 }],
      ['乙', anId('1991-03-15', '013'), '2023.5.1'],
      ['丙', anId('1992-03-15', '013'), '2023年5月'],
    ]);
    expect(result.people.map((person) => person.fields.employedSince)).toEqual(['2023-05-01', '2023-05-01', '2023-05']);
  });

  it('refuses rows inside merged cells of the data area, naming the range', () => {
    const rows = [[...ROSTER_HEADER], aRosterLine(), aRosterLine({ 户编号: '', 姓名: '韦明', 身份证号码: anId('2001-06-01', '021') })];
    const result = plan(rows, { merges: [{ ref: 'A2:A3', top: 2, left: 1, bottom: 3, right: 1 }] });
    expect(errors(result)).toContain('第 2 行 户编号：在合并单元格 A2:A3 中：每人一行，请取消合并并逐行填写');
    expect(errors(result)).toContain('第 3 行 户编号：在合并单元格 A2:A3 中：每人一行，请取消合并并逐行填写');
    expect(result.people).toEqual([]);
  });

  it('refuses a member whose household details disagree with the household\'s first row', () => {
    const result = plan([[...ROSTER_HEADER], aRosterLine(), aRosterLine({ 姓名: '韦明', 身份证号码: anId('2001-06-01', '021'), 村: '大坪村' })]);
    expect(errors(result)).toEqual(['第 3 行 村（社区）：与同户第 2 行不同（新国村 / 大坪村）']);
  });

  it('checks choices against the form\'s options and 是/否 columns', () => {
    const result = plan([
      ['姓名', '身份证号', '劳动能力情况', '是否监测对象', '监测对象类型'],
      ['甲', anId('1990-03-15', '013'), '强劳动力', '', ''],
      ['乙', anId('1991-03-15', '013'), '普通劳动力', '可能', ''],
      ['丙', anId('1992-03-15', '013'), '普通劳动力', '是', ''],
      ['丁', anId('1993-03-15', '013'), '普通劳动力', '是', '边缘易致贫户'],
    ]);
    expect(errors(result)).toEqual([
      '第 2 行 劳动能力情况：“强劳动力”不在选项中（普通劳动力、半劳动力、弱劳动力、无劳动力、丧失劳动力）',
      '第 3 行 是否监测对象：应填“是”或“否”，现为“可能”',
      '第 4 行 监测对象类型：监测对象须选择监测对象类型',
    ]);
    expect(result.households.map((household) => household.fields)).toEqual([{ head: '丁', monitored: true, monitorType: '边缘易致贫户' }]);
  });

  it('makes one household per row when no household column is mapped', () => {
    const result = plan([['姓名', '身份证号'], ['甲', anId('1990-03-15', '013')], ['乙', anId('1991-03-15', '013')]]);
    expect(result.summary.householdsAdded).toBe(2);
    expect(result.households.map((household) => household.fields.head)).toEqual(['甲', '乙']);
  });

  it('groups by 户主身份证号 and takes the head from 与户主关系', () => {
    const head = anId('1970-01-01', '011');
    const result = plan(
      [
        ['姓名', '身份证号', '与户主关系', '户主身份证号'],
        ['韦明', anId('2001-06-01', '021'), '子', head],
        ['韦强', head, '户主', head],
      ],
    );
    expect(result.households).toEqual([expect.objectContaining({ key: `head-id:${head}`, fields: { head: '韦强' } })]);
  });
});

describe('matching the phone\'s records', () => {
  const now = new Date('2026-04-01T08:00:00Z');
  const household: Household = { id: 'h1', county: '融水县', township: '融水镇', village: '新国村', group: '一组', number: 'H001', head: '梁秀英', povertyAlleviated: true, monitored: false, relocated: false, createdAt: now.toISOString(), updatedAt: now.toISOString() };
  const stored = createPerson({ id: 'p1', householdId: 'h1', name: '梁秀英', idNumber: anId(), phone: '13907721234', sex: '男' }, now);

  it('updates a person found by 身份证号 in their household, and counts an identical row as unchanged', () => {
    const context = { people: [stored], households: [household] };
    const same = plan([[...ROSTER_HEADER], aRosterLine()], { context });
    expect(same.summary).toMatchObject({ added: 0, updated: 0, unchanged: 1, householdsAdded: 0 });
    expect(same.households).toEqual([expect.objectContaining({ existingId: 'h1', changed: false })]);

    const changed = plan([[...ROSTER_HEADER], aRosterLine({ 联系电话: '13800000000' })], { context });
    expect(changed.summary).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
    expect(changed.people[0]).toMatchObject({ existingId: 'p1', status: 'update', fields: { phone: '13800000000' } });
  });

  it('puts a new member into the household already on the phone with the same 户编号', () => {
    const result = plan([[...ROSTER_HEADER], aRosterLine({ 姓名: '韦明', 与户主关系: '子', 身份证号码: anId('2001-06-01', '021') })], { context: { people: [stored], households: [household] } });
    expect(result.households).toEqual([expect.objectContaining({ existingId: 'h1' })]);
    expect(result.summary).toMatchObject({ added: 1, householdsAdded: 0 });
  });

  it('keeps the household head on the phone when the file has no 户主 column', () => {
    const result = plan([['姓名', '身份证号'], ['梁秀英', anId()]], { context: { people: [stored], households: [{ ...household, head: '梁大' }] } });
    expect(result.households[0]?.fields.head).toBe('梁大');
  });
});
