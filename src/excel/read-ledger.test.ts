import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AN_ID_STORED_AS_NUMBER, aLedgerRow, anIdNumber, buildLedgerWorkbook, theSeedSampleRow, toCells, toXlsxBuffer } from '../../tests/fixtures/ledger-workbook';
import { LedgerReadError, readLedgerWorkbook } from './read-ledger';

async function readBuilt(...args: Parameters<typeof buildLedgerWorkbook>) {
  const { workbook, dataRows } = buildLedgerWorkbook(...args);
  return { ...(await readLedgerWorkbook(await toXlsxBuffer(workbook))), dataRows };
}

async function readError(source: Uint8Array): Promise<LedgerReadError> {
  const error: unknown = await readLedgerWorkbook(source).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof LedgerReadError)) throw new Error(`expected a LedgerReadError, got ${String(error)}`);
  return error;
}

describe('readLedgerWorkbook', () => {
  it('reads the seed layout: title, 填报单位 line, three merged header rows, rows up to 填表说明', async () => {
    const clean = aLedgerRow();
    const { sheet, rows, dataRows } = await readBuilt([toCells(theSeedSampleRow()), toCells(clean)]);
    expect(sheet).toBe('附件2-1');
    expect(dataRows).toEqual([6, 7]);
    expect(rows).toEqual([theSeedSampleRow({ row: 6 }), { ...clean, row: 7 }]);
  });

  it('reads two header rows and a column-number row', async () => {
    const { rows } = await readBuilt([toCells(aLedgerRow())], { headerRows: 2, columnNumberRow: true });
    expect(rows).toEqual([aLedgerRow({ row: 6 })]);
  });

  it('finds the header a few rows down, on a later sheet', async () => {
    const { sheet, rows } = await readBuilt([toCells(aLedgerRow())], { offset: 3, otherSheets: ['附件1'], sheetName: '明细表' });
    expect(sheet).toBe('明细表');
    expect(rows.map((row) => row.row)).toEqual([9]);
  });

  it('keeps rows with a blank 序号 and skips empty rows', async () => {
    const { rows } = await readBuilt([toCells(aLedgerRow({ serial: '' })), {}, { serial: 3 }, toCells(aLedgerRow({ serial: '4', name: '韦小红' }))]);
    expect(rows.map((row) => [row.row, row.serial, row.name])).toEqual([
      [6, '', '梁秀英'],
      [9, '4', '韦小红'],
    ]);
  });

  it('stops at the 填表说明 block even right after the data', async () => {
    const { rows } = await readBuilt([toCells(aLedgerRow())], { gapBeforeNotes: 0 });
    expect(rows).toHaveLength(1);
  });

  it.each<[string, ExcelJS.CellValue, string | undefined, string]>([
    ['an ID stored as a number in General format stays as Excel shows it', AN_ID_STORED_AS_NUMBER, undefined, '4.50225E+17'],
    ['an ID stored as a number with format 0 keeps Excel’s 15 digits', AN_ID_STORED_AS_NUMBER, '0', '450225199003150000'],
    ['a small number as typed', 6, undefined, '6'],
    ['rich text as its plain text', { richText: [{ text: '4502251990' }, { text: '03150139', font: { bold: true } }] }, undefined, '450225199003150139'],
    ['full-width digits as ASCII', '４５０２２５１９９００３１５０１３９', undefined, '450225199003150139'],
    ['stray spaces trimmed', '  450225199003150139\u3000', undefined, '450225199003150139'],
    ['a formula as its result', { formula: 'A1', result: 'abc' }, undefined, 'abc'],
  ])('reads %s', async (_case, value, numFmt, expected) => {
    const { workbook, dataRows } = buildLedgerWorkbook([{ ...toCells(aLedgerRow()), idNumber: value }]);
    if (numFmt) workbook.worksheets[0]!.getCell(dataRows[0]!, 6).numFmt = numFmt;
    const { rows } = await readLedgerWorkbook(await toXlsxBuffer(workbook));
    expect(rows[0]?.idNumber).toBe(expected);
  });

  it.each<[string, ExcelJS.CellValue, string]>([
    ['an Excel serial', 46082, '2026-03-01'],
    ['a Date', new Date(Date.UTC(2026, 2, 1)), '2026-03-01'],
    ['text as typed', '2026年3月', '2026年3月'],
  ])('reads 就业时间 given as %s', async (_case, value, expected) => {
    const { rows } = await readBuilt([{ ...toCells(aLedgerRow()), employedSince: value }]);
    expect(rows[0]?.employedSince).toBe(expected);
  });

  it('reads choice values with stray spaces and numbers as text', async () => {
    const { rows } = await readBuilt([{ ...toCells(aLedgerRow()), isStudent: ' 否 ', monthsEmployed: 6, guidanceCount: '２', phone: 13907721234 }]);
    expect(rows[0]).toMatchObject({ isStudent: '否', monthsEmployed: '6', guidanceCount: '2', phone: '13907721234' });
  });

  it('tolerates header spacing and full-width variants', async () => {
    const { workbook, dataRows } = buildLedgerWorkbook([toCells(aLedgerRow())]);
    const sheet = workbook.worksheets[0]!;
    sheet.getCell(3, 2).value = '县 (区)';
    sheet.getCell(4, 6).value = ' 身份证号 ';
    sheet.getCell(4, 14).value = '就业区域\n\n（广东、非广东区外、区内市外、市内县外、县内）';
    sheet.getCell(5, 17).value = '就业意向';
    const { rows } = await readLedgerWorkbook(await toXlsxBuffer(workbook));
    expect(rows[0]).toEqual(aLedgerRow({ row: dataRows[0]! }));
  });

  it('reads an ArrayBuffer as the browser hands it over, and names the file it came from', async () => {
    const bytes = await toXlsxBuffer(buildLedgerWorkbook([toCells(aLedgerRow())]).workbook);
    const { file, rows } = await readLedgerWorkbook(new Uint8Array(bytes).buffer, '明细表.xlsx');
    expect(file).toBe('明细表.xlsx');
    expect(rows).toHaveLength(1);
  });

  it.each<[string, () => Promise<Uint8Array>, RegExp, RegExp]>([
    ['an empty file', async () => Buffer.alloc(0), /文件是空的/, /empty/],
    ['corrupt bytes', async () => Buffer.from('PK\u0003\u0004 this is not really a zip'), /已损坏/, /corrupt/],
    [
      'a password-protected file',
      async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64), Buffer.from('EncryptedPackage', 'utf16le')]),
      /密码/,
      /password-protected/,
    ],
    ['an old .xls file', async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]), /\.xls/, /old \.xls/],
    [
      'an empty workbook',
      async () => {
        const workbook = new ExcelJS.Workbook();
        workbook.addWorksheet('Sheet1');
        return toXlsxBuffer(workbook);
      },
      /工作簿是空的/,
      /empty/,
    ],
    [
      'a workbook without the 附件2-1 header',
      async () => {
        const workbook = new ExcelJS.Workbook();
        workbook.addWorksheet('汇总').addRow(['序号', '县（区）', '劳动力总人数']);
        return toXlsxBuffer(workbook);
      },
      /没有找到附件2-1 明细表的表头.*「汇总」/,
      /no sheet has the 附件2-1/,
    ],
    [
      'a header without 身份证号 and 近期打算',
      async () => toXlsxBuffer(buildLedgerWorkbook([toCells(aLedgerRow())], { withoutColumns: ['idNumber', 'nearTermPlan'] }).workbook),
      /第 3 行起的表头缺少这些列：身份证号、近期打算/,
      /missing columns 身份证号, 近期打算/,
    ],
    [
      'merged cells in the data rows',
      async () => {
        const { workbook } = buildLedgerWorkbook([toCells(aLedgerRow()), toCells(aLedgerRow({ idNumber: anIdNumber('1991-01-01') }))]);
        workbook.worksheets[0]!.mergeCells('B6:B7');
        return toXlsxBuffer(workbook);
      },
      /数据区有合并单元格 B6:B7/,
      /merged cells B6:B7/,
    ],
  ])('explains %s in Chinese and English', async (_case, source, chinese, english) => {
    const error = await readError(await source());
    expect(error.chinese).toMatch(chinese);
    expect(error.message).toMatch(english);
  });
});
