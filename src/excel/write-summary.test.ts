import { describe, expect, it } from 'vitest';
import { aLedgerRow, theSeedSampleRow } from '../../tests/fixtures/ledger-workbook';
import { summarizeLedger } from '../domain/ledger-summary';
import { writeSummaryWorkbook } from './write-summary';

/**
 * The header of seed 000 附件2-2 (柳州市脱贫家庭劳动力就业帮扶汇总表), cell by cell, copied from
 * the seed: a merged cell's text sits in its top-left cell, and each entry names the merge it
 * heads (its bottom-right cell) where it spans more than one cell.
 */
const SEED_HEADER: readonly [cell: string, text: string, mergedTo?: string][] = [
  ['A1', '柳州市脱贫家庭劳动力就业帮扶汇总表', 'Z1'],
  ['A3', '序号', 'A5'],
  ['B3', '县（区）', 'B5'],
  ['C3', '劳动力情况', 'G3'],
  ['H3', '年内累计就业6个月以上人数', 'H5'],
  ['I3', '就业情况', 'N3'],
  ['O3', '未就业情况', 'U3'],
  ['V3', '就业帮扶情况', 'Y3'],
  ['Z3', '备注', 'Z5'],
  ['C4', '劳动力总人数', 'C5'],
  ['D4', '劳动能力情况', 'F4'],
  ['G4', '监测对象人数', 'G5'],
  ['I4', '小计', 'I5'],
  ['J4', '广东', 'J5'],
  ['K4', '非广东区外', 'K5'],
  ['L4', '区内市外', 'L5'],
  ['M4', '市内县外', 'M5'],
  ['N4', '县内', 'N5'],
  ['O4', '有就业意愿人数', 'O5'],
  ['P4', '无就业意向', 'U4'],
  ['V4', '职业指导服务人次', 'V5'],
  ['W4', '一对一岗位推介人次', 'W5'],
  ['X4', '参加就业见习人数', 'X5'],
  ['Y4', '参加技能培训人数', 'Y5'],
  ['D5', '普通劳动力人数'],
  ['E5', '半劳动力、弱劳动力人数'],
  ['F5', '无劳动力、丧失劳动力人数'],
  ['P5', '小计'],
  ['Q5', '升学'],
  ['R5', '重病'],
  ['S5', '照顾家庭'],
  ['T5', '务农'],
  ['U5', '其他'],
];

const workbook = () =>
  writeSummaryWorkbook(summarizeLedger([theSeedSampleRow(), aLedgerRow({ county: '三江县' })], '县'), '县', {
    reportDate: '2026-05-31',
    unit: '融水县人社局',
    filler: '覃干部',
    phone: '0772-5123456',
  });

describe('the 汇总表 workbook', () => {
  const sheet = workbook().worksheets[0]!;

  it.each(SEED_HEADER)('%s reads %s as in the seed', (address, text, mergedTo) => {
    const cell = sheet.getCell(address);
    expect(String(cell.value).replace(/\s+/g, '')).toBe(text);
    expect(cell.master.address).toBe(address);
    if (mergedTo) expect(sheet.getCell(mergedTo).master.address).toBe(address);
  });

  it('numbers the columns 1–26 under the header', () => {
    expect(Array.from({ length: 26 }, (_, index) => sheet.getCell(6, index + 1).value)).toEqual(Array.from({ length: 26 }, (_, index) => index + 1));
  });

  it('fills the 填报 line and writes 合计 then one row per county, figures as numbers', () => {
    expect(sheet.getCell('A2').value).toMatch(/^填报单位：融水县人社局\s+填报人：覃干部\s+联系电话：0772-5123456\s+填报时间：2026年5月31日$/);
    expect([sheet.getCell('B7').value, sheet.getCell('B8').value, sheet.getCell('B9').value]).toEqual(['合计', '融水县', '三江县']);
    expect(sheet.getCell('C7').value).toBe(2);
    expect(typeof sheet.getCell('V8').value).toBe('number');
  });
});
