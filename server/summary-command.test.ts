import ExcelJS from 'exceljs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aLedgerRow, buildLedgerWorkbook, theSeedSampleRow, toCells, toXlsxBuffer } from '../tests/fixtures/ledger-workbook';
import { runFieldbook } from '../tests/fixtures/run-fieldbook';

let directory = '';
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'fieldbook-summary-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function aLedgerFile(name: string, rows: ReturnType<typeof aLedgerRow>[]): Promise<string> {
  const path = join(directory, name);
  await writeFile(path, await toXlsxBuffer(buildLedgerWorkbook(rows.map(toCells)).workbook));
  return path;
}

async function readSheet(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets[0]!;
}

const figuresOf = (sheet: ExcelJS.Worksheet, row: number) => Array.from({ length: 23 }, (_, index) => sheet.getCell(row, 3 + index).value);

describe('fieldbook summary', () => {
  it('writes the 附件2-2 layout: title, 填报 line, merged three-row header, column numbers, 合计 then one row per county', async () => {
    const rongshui = await aLedgerFile('融水.xlsx', [theSeedSampleRow()]);
    const sanjiang = await aLedgerFile('三江.xlsx', [aLedgerRow({ county: '三江县', employmentRegion: '县内', monthsEmployed: '8' }), aLedgerRow({ county: '三江县' })]);
    const output = join(directory, '汇总表.xlsx');
    const run = await runFieldbook(['summary', rongshui, sanjiang, '-o', output]);
    expect(run.code).toBe(0);
    const sheet = await readSheet(output);
    expect(sheet.getCell('A1').value).toBe('柳州市脱贫家庭劳动力就业帮扶汇总表');
    expect(String(sheet.getCell('A2').value)).toMatch(/^填报单位：.*填报人：.*联系电话：.*填报时间：\d{4}年\d{1,2}月\d{1,2}日$/);
    expect([sheet.getCell('A3').value, sheet.getCell('B3').value, sheet.getCell('C3').value, sheet.getCell('C4').value, sheet.getCell('D4').value, sheet.getCell('D5').value]).toEqual([
      '序号', '县（区）', '劳动力情况', '劳动力总人数', '劳动能力情况', '普通劳动力人数',
    ]);
    expect(sheet.getCell('C3').isMerged && sheet.getCell('G3').isMerged).toBe(true);
    expect(sheet.getCell('G3').master.address).toBe('C3');
    expect(sheet.getCell('D4').master.address).toBe('D4');
    expect(sheet.getCell('F4').master.address).toBe('D4');
    expect(sheet.getCell('H5').master.address).toBe('H3');
    expect(sheet.getCell('Y6').value).toBe(25);
    expect(sheet.getCell('B7').value).toBe('合计');
    expect([sheet.getCell('B8').value, sheet.getCell('B9').value]).toEqual(['融水县', '三江县']);
    // The seed's 融水县 row, except 劳动力总人数 (the seed shows 0 for its one listed person).
    expect(figuresOf(sheet, 8)).toEqual([1, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 4, 0, 1]);
    expect(figuresOf(sheet, 9).slice(0, 2)).toEqual([2, 2]);
    expect(figuresOf(sheet, 7)[0]).toBe(3);
    expect(typeof sheet.getCell('C7').value).toBe('number');
  });

  it('groups by village with --by 村', async () => {
    const ledger = await aLedgerFile('村.xlsx', [aLedgerRow({ village: '新国村' }), aLedgerRow({ village: '安太村' }), aLedgerRow({ village: '新国村' })]);
    const output = join(directory, '村.xlsx');
    expect((await runFieldbook(['summary', ledger, '-o', output, '--by', '村'])).code).toBe(0);
    const sheet = await readSheet(output);
    expect(sheet.getCell('B3').value).toBe('村');
    expect([sheet.getCell('B8').value, sheet.getCell('C8').value, sheet.getCell('B9').value, sheet.getCell('C9').value]).toEqual(['新国村', 2, '安太村', 1]);
  });

  it('exits 2 with a message, writing nothing, when a file cannot be read', async () => {
    const broken = join(directory, 'broken.xlsx');
    await writeFile(broken, 'not a workbook');
    const output = join(directory, 'never.xlsx');
    const run = await runFieldbook(['summary', broken, '-o', output]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^无法读取 .*broken\.xlsx：/);
    await expect(readSheet(output)).rejects.toThrow();
  });
});
