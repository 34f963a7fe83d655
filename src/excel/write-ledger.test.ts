import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { aPerson, VALID_ID_MALE_1990 } from '../../tests/builders';
import { anEvent } from '../../tests/builders/events';
import { aLedgerRow, anIdNumber, theSeedSampleRow } from '../../tests/fixtures/ledger-workbook';
import { HouseholdSchema } from '../domain/household';
import { toLedgerRow } from '../domain/ledger-mapping';
import { readLedgerWorkbook } from './read-ledger';
import { toXlsxBytes } from './sheet-style';
import { LEDGER_FIRST_DATA_ROW, writeLedgerWorkbook } from './write-ledger';

/**
 * The header of seed 000 附件2-1 (柳州市脱贫家庭劳动力就业帮扶明细表), cell by cell, copied from
 * the seed: a merged cell's text sits in its top-left cell. The seed breaks 就业区域 and 就业意向
 * before their option lists.
 */
const SEED_HEADER: readonly [string, string][] = [
  ['A1', '柳州市脱贫家庭劳动力就业帮扶明细表'],
  ['A3', '序号'],
  ['B3', '县（区）'],
  ['C3', '乡'],
  ['D3', '村'],
  ['E3', '人员基本信息'],
  ['M3', '年内累计就业时长（月）'],
  ['N3', '已就业情况'],
  ['Q3', '未就业情况'],
  ['V3', '就业帮扶情况'],
  ['Z3', '帮扶联系人'],
  ['AA3', '帮扶联系人电话'],
  ['AB3', '备注'],
  ['E4', '姓名'],
  ['F4', '身份证号'],
  ['G4', '联系电话'],
  ['H4', '劳动能力情况'],
  ['I4', '是否易地搬迁安置户'],
  ['J4', '是否在校生'],
  ['K4', '是否监测对象'],
  ['L4', '监测对象类型'],
  ['N4', '就业区域\n（广东、非广东区外、区内市外、市内县外、县内）'],
  ['O4', '就业时间'],
  ['P4', '就业单位名称'],
  ['Q4', '有就业意愿'],
  ['U4', '无就业意向'],
  ['V4', '职业指导服务次数'],
  ['W4', '一对一岗位推介次数'],
  ['X4', '是否参加就业见习'],
  ['Y4', '是否参加技能培训'],
  ['Q5', '就业意向\n（广东、非广东区外、区内市外、市内县外、县内）'],
  ['R5', '就业意向单位性质（机关事业、国有企业、民营企业、其他）'],
  ['S5', '薪酬期望值'],
  ['T5', '近期打算'],
  ['U5', '无就业意向原因'],
];

/** The merges the seed's header implies: groups across, single columns down to the last header row. */
const SEED_HEADER_MERGES = [
  'A1:AB1', 'A2:AB2',
  'A3:A5', 'B3:B5', 'C3:C5', 'D3:D5', 'E3:L3', 'M3:M5', 'N3:P3', 'Q3:U3', 'V3:Y3', 'Z3:Z5', 'AA3:AA5', 'AB3:AB5',
  'E4:E5', 'F4:F5', 'G4:G5', 'H4:H5', 'I4:I5', 'J4:J5', 'K4:K5', 'L4:L5', 'N4:N5', 'O4:O5', 'P4:P5', 'Q4:T4',
  'V4:V5', 'W4:W5', 'X4:X5', 'Y4:Y5',
];

const sheetOf = (workbook: ExcelJS.Workbook) => workbook.worksheets[0]!;

describe('writeLedgerWorkbook', () => {
  const rows = [theSeedSampleRow({ serial: '1', name: '梁秀英', idNumber: anIdNumber() }), aLedgerRow({ serial: '2', idNumber: '45022519900315102X' })];
  const sheet = sheetOf(writeLedgerWorkbook(rows, { reportDate: '2026-05-31' }));

  it.each(SEED_HEADER)('%s reads as the seed: %s', (address, text) => {
    expect(sheet.getCell(address).value).toBe(text);
  });

  it('merges the header exactly as the seed lays it out, and nothing else above the 填表说明', () => {
    const notesRow = LEDGER_FIRST_DATA_ROW + rows.length + 2;
    expect([...sheet.model.merges].sort()).toEqual([...SEED_HEADER_MERGES, `A${notesRow}:AB${notesRow}`].sort());
  });

  it('writes the 填报 line with the report date', () => {
    expect(sheet.getCell('A2').value).toMatch(/^填报单位：\s+填报人：\s+联系电话：\s+填报时间：2026年5月31日$/);
    expect(sheetOf(writeLedgerWorkbook([], { unit: '融水镇人民政府', filler: '韦建华', phone: '0772-5123456' })).getCell('A2').value).toMatch(
      /^填报单位：融水镇人民政府\s+填报人：韦建华\s+联系电话：0772-5123456\s+填报时间：\s+年\s+月\s+日$/,
    );
  });

  it('starts the people right under the header, with no column-number row (附件2-1 has none)', () => {
    expect(LEDGER_FIRST_DATA_ROW).toBe(6);
    expect(sheet.getCell('B6').value).toBe('融水县');
    expect(sheet.getCell('E7').value).toBe('梁秀英');
  });

  it('writes ID numbers and phones as text, counts as numbers', () => {
    const id = sheet.getCell('F7');
    expect([id.value, id.numFmt]).toEqual(['45022519900315102X', '@']);
    expect([sheet.getCell('G7').value, sheet.getCell('G7').numFmt]).toEqual(['13907721234', '@']);
    expect(sheet.getCell('AA7').value).toBe('0772-5123456');
    expect([sheet.getCell('A7').value, sheet.getCell('M7').value, sheet.getCell('V7').value, sheet.getCell('W7').value]).toEqual([2, 6, 2, 5]);
    expect(sheet.getCell('M6').value).toBe(4);
  });

  it('leaves two spare rows whose ID cells are text already, then the 填表说明 of the seed', () => {
    expect(sheet.getCell('F9').numFmt).toBe('@');
    expect(sheet.getCell('F9').value).toBeNull();
    expect(sheet.getCell('A10').value).toBe(
      '填表说明：1.劳动能力情况按帮扶手册人员信息情况填写，在校生填“无劳动力”；\n' +
        '2.未就业人员，无论是否有就业意愿，都要落实251就业帮扶，即2次职业指导，5次针对性岗位推介和1次技能培训或就业见习机会，就业见习机会享受人群：毕业年度高校生、毕业两年内高等院校\n' +
        '中职院校（含技工院校）毕业生和16-24岁未就业青年。',
    );
  });

  it('prints landscape, one page wide, the header repeated', () => {
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '3:5' });
  });
});

describe('records → ledger rows → workbook → read back', () => {
  it('reads back the same rows', async () => {
    const household = HouseholdSchema.parse({
      id: 'h1', county: '融水县', township: '融水镇', village: '新国村', head: '韦明', relocated: true, monitored: true, monitorType: '脱贫不稳定户',
      createdAt: '2026-05-01T08:00:00.000Z', updatedAt: '2026-05-01T08:00:00.000Z',
    });
    const employed = aPerson({
      name: '韦明', idNumber: VALID_ID_MALE_1990, phone: '13907721234', labourAbility: '普通劳动力', isStudent: '否', workStatus: '外出务工',
      employmentRegion: { set: 'guangdong', value: '省外' }, monthsEmployedThisYear: 4, employedSince: '2026-02-01', employerName: '深圳某电子厂',
      assistanceContact: '韦建华', assistanceContactPhone: '0772-5123456', remarks: '春节后返岗',
    });
    const seeker = aPerson({
      name: '梁秀英', idNumber: '45022519920101002X', phone: '', labourAbility: '半劳动力', isStudent: '否', workStatus: '在家务农', hasIntention: '是',
      intendedRegion: { set: 'guangxi', value: '区内市外' }, intendedEmployerType: '民营企业', expectedPay: '3000元', nearTermPlan: '等待岗位推介',
    });
    const student = aPerson({ name: '韦小红', idNumber: anIdNumber('2008-09-01', '024'), labourAbility: '无劳动力', isStudent: '是', workStatus: '其他', hasIntention: '否', noIntentionReason: '升学' });
    const events = [...['职业指导', '职业指导', '岗位推介', '岗位推介', '岗位推介', '技能培训'].map((type) => anEvent(type, seeker.id)), anEvent('就业见习', student.id)];
    const rows = [employed, seeker, student].map((person, index) => toLedgerRow(person, household, events, { reportDate: '2026-05-31', serial: String(index + 1) }));

    const bytes = await toXlsxBytes(writeLedgerWorkbook(rows, { reportDate: '2026-05-31' }));
    const ledger = await readLedgerWorkbook(bytes, '明细表.xlsx');

    expect(ledger.rows).toEqual(rows.map((row, index) => ({ ...row, row: LEDGER_FIRST_DATA_ROW + index })));
    expect(ledger.rows.map((row) => [row.employmentRegion, row.guidanceCount, row.referralCount, row.training, row.internship])).toEqual([
      ['非广东区外', '0', '0', '否', '否'],
      ['', '2', '3', '是', '否'],
      ['', '0', '0', '否', '是'],
    ]);
  });
});
