/**
 * Builders for roster files in tests: CSV text and .xlsx workbooks made in memory, so no
 * binary fixture is committed. Not imported by the app.
 */
import ExcelJS from 'exceljs';
import { computeIdCheckCharacter } from '../domain/id-card';

/** A valid ID number of 融水县 (450225) with this birth date and sequence (odd last digit = 男). */
export function anId(birthDate = '1990-03-15', sequence = '013'): string {
  const first17 = `450225${birthDate.replaceAll('-', '')}${sequence}`;
  return first17 + computeIdCheckCharacter(first17);
}

/** The same ID with a wrong check character. */
export function withWrongCheckDigit(id: string): string {
  const last = id.at(-1) === '0' ? '1' : '0';
  return id.slice(0, 17) + last;
}

export const ROSTER_HEADER = ['户编号', '户主姓名', '姓名', '与户主关系', '身份证号码', '联系电话', '县（区）', '乡镇', '村', '组'] as const;

/** One roster line; every value overridable by header. */
export function aRosterLine(overrides: Partial<Record<(typeof ROSTER_HEADER)[number], string>> = {}): string[] {
  const line: Record<(typeof ROSTER_HEADER)[number], string> = {
    户编号: 'H001',
    户主姓名: '梁秀英',
    姓名: '梁秀英',
    与户主关系: '户主',
    身份证号码: anId(),
    联系电话: '13907721234',
    '县（区）': '融水县',
    乡镇: '融水镇',
    村: '新国村',
    组: '一组',
    ...overrides,
  };
  return ROSTER_HEADER.map((header) => line[header]);
}

/** CSV text (RFC 4180 quoting) of these rows. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((cells) => cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')).join('\r\n');
}

/** UTF-8 bytes with the BOM Excel writes for 「CSV UTF-8」. */
export function utf8WithBom(text: string): Uint8Array {
  return Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
}

/** An .xlsx workbook of sheets given as rows of cell values; `build` may style or merge. */
export async function aWorkbook(sheets: Record<string, ExcelJS.CellValue[][]>, build?: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const worksheet = workbook.addWorksheet(name);
    rows.forEach((row, index) => {
      row.forEach((value, column) => {
        if (value !== null && value !== undefined) worksheet.getCell(index + 1, column + 1).value = value;
      });
    });
  }
  build?.(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
