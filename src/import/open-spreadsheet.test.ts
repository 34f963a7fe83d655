import { describe, expect, it } from 'vitest';
import { openSpreadsheet } from './open-spreadsheet';
import { aWorkbook, toCsv, utf8WithBom } from './roster-fixtures';
import { ImportFileError } from './sheet';

const GBK_CSV = Uint8Array.from([
  ...[0xd0, 0xd5, 0xc3, 0xfb], 0x2c, ...[0xc9, 0xed, 0xb7, 0xdd, 0xd6, 0xa4, 0xba, 0xc5], 0x0d, 0x0a, // 姓名,身份证号
  ...[0xc1, 0xba, 0xd0, 0xe3, 0xd3, 0xa2], 0x2c, ...new TextEncoder().encode('450225199003150139'), // 梁秀英,…
]);

async function failure(bytes: Uint8Array, name: string): Promise<string> {
  const error = await openSpreadsheet(bytes, name).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return (error as ImportFileError).message;
}

describe('opening a roster file', () => {
  it('reads a UTF-8 CSV with the BOM Excel writes', async () => {
    const file = await openSpreadsheet(utf8WithBom(toCsv([['姓名', '身份证号'], ['梁秀英', '450225199003150139']])), '花名册.csv');
    expect(file.kind).toBe('csv');
    expect(file.sheets[0]?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['姓名', '身份证号'],
      ['梁秀英', '450225199003150139'],
    ]);
    expect(file.notices).toEqual([]);
  });

  it('reads a GBK CSV (Excel on Chinese Windows) and says so', async () => {
    const file = await openSpreadsheet(GBK_CSV, '花名册.csv');
    expect(file.sheets[0]?.rows[1]?.[0]?.text).toBe('梁秀英');
    expect(file.notices).toEqual(['文件不是 UTF-8 编码，已按 GBK（简体中文 Windows 默认）读取']);
  });

  it('refuses text that was spoiled before it arrived (UTF-8 read as Latin-1 and saved again)', async () => {
    const spoiled = new TextDecoder('latin1').decode(new TextEncoder().encode('姓名,身份证号\n梁秀英,450225199003150139'));
    expect(await failure(new TextEncoder().encode(spoiled), '花名册.csv')).toContain('乱码');
  });

  it('reads every sheet of an .xlsx, numbers and dates kept apart from text', async () => {
    const bytes = await aWorkbook({ 说明: [['本表为2023年花名册']], 花名册: [['姓名', '身份证号', '出生日期'], ['梁秀英', Number('450225199003150139'), new Date(Date.UTC(1990, 2, 15))]] });
    const file = await openSpreadsheet(bytes, '花名册.xlsx');
    expect(file.kind).toBe('xlsx');
    expect(file.sheets.map((sheet) => sheet.name)).toEqual(['说明', '花名册']);
    const row = file.sheets[1]?.rows[1];
    expect(row?.[1]).toMatchObject({ text: '4.50225E+17', number: Number('450225199003150139') });
    expect(row?.[2]).toMatchObject({ date: '1990-03-15' });
  });

  it('keeps the merged ranges, and leaves the covered cells empty as Excel shows them', async () => {
    const bytes = await aWorkbook({ 花名册: [['户编号', '姓名'], ['H001', '梁秀英'], [null, '韦明']] }, (workbook) => workbook.worksheets[0]!.mergeCells('A2:A3'));
    const [sheet] = (await openSpreadsheet(bytes, '花名册.xlsx')).sheets;
    expect(sheet?.merges).toEqual([{ ref: 'A2:A3', top: 2, left: 1, bottom: 3, right: 1 }]);
    expect(sheet?.rows.map((row) => row.map((cell) => cell.text))).toEqual([['户编号', '姓名'], ['H001', '梁秀英'], ['', '韦明']]);
  });

  it.each([
    ['an empty file', new Uint8Array(), '花名册.xlsx', '文件是空的'],
    ['a CSV with only blank lines', new TextEncoder().encode('\r\n\r\n'), '花名册.csv', '文件是空的'],
    ['a corrupt .xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), '花名册.xlsx', '文件已损坏或不是 .xlsx 工作簿'],
    ['a file called .xlsx that is not one', new TextEncoder().encode('hello'), '花名册.xlsx', '文件已损坏或不是 .xlsx 工作簿'],
    [
      'a password-protected workbook',
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...[...'EncryptedPackage'].flatMap((character) => [character.charCodeAt(0), 0])]),
      '花名册.xlsx',
      '文件设有打开密码',
    ],
    ['an old .xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '花名册.xls', '旧版 .xls'],
  ])('explains %s in Chinese', async (_case, bytes, name, message) => {
    expect(await failure(bytes, name)).toContain(message);
  });

  it('explains a workbook whose sheets are all empty', async () => {
    expect(await failure(await aWorkbook({ Sheet1: [] }), '花名册.xlsx')).toContain('工作簿是空的');
  });
});
