import type ExcelJS from 'exceljs';

/**
 * The look the official tables share: a bold title over the whole width, a left-aligned
 * 填报单位 line, centred bold headers, thin borders round every header and data cell, and a
 * landscape A4 page one table wide with the header repeated on each page.
 */

const FONT = '宋体';
const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Writes `value` into the top-left cell of the range and merges it when it spans more than one cell. */
export function putMerged(sheet: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number, value: ExcelJS.CellValue): ExcelJS.Cell {
  if (bottom > top || right > left) sheet.mergeCells(top, left, bottom, right);
  const cell = sheet.getCell(top, left);
  cell.value = value;
  return cell;
}

export function writeTitle(sheet: ExcelJS.Worksheet, row: number, lastColumn: number, title: string): void {
  const cell = putMerged(sheet, row, 1, row, lastColumn, title);
  cell.font = { name: FONT, bold: true, size: 18 };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(row).height = 32;
}

/** The 填报单位 line under the title. */
export function writeFilingLine(sheet: ExcelJS.Worksheet, row: number, lastColumn: number, text: string): void {
  const cell = putMerged(sheet, row, 1, row, lastColumn, text);
  cell.font = { name: FONT, size: 11 };
  cell.alignment = { horizontal: 'left', vertical: 'middle' };
  sheet.getRow(row).height = 22;
}

/** Header cells: centred, wrapped, bold, framed. */
export function styleHeader(sheet: ExcelJS.Worksheet, top: number, bottom: number, lastColumn: number): void {
  forEachCell(sheet, top, bottom, lastColumn, (cell) => {
    cell.font = { name: FONT, bold: true, size: 10 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
}

/** Body cells: framed, centred unless `leftColumns` says otherwise, wrapped. */
export function styleBody(sheet: ExcelJS.Worksheet, top: number, bottom: number, lastColumn: number, leftColumns: readonly number[] = []): void {
  forEachCell(sheet, top, bottom, lastColumn, (cell, column) => {
    cell.font = { name: FONT, size: 10 };
    cell.alignment = { horizontal: leftColumns.includes(column) ? 'left' : 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
}

/** A note block (填表说明, 备注 text): left-aligned, wrapped, top-aligned. */
export function styleNote(cell: ExcelJS.Cell): void {
  cell.font = { name: FONT, size: 10 };
  cell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
}

export function setUpPage(sheet: ExcelJS.Worksheet, headerRows: { from: number; to: number }): void {
  sheet.pageSetup.orientation = 'landscape';
  sheet.pageSetup.paperSize = 9; // A4
  sheet.pageSetup.fitToPage = true;
  sheet.pageSetup.fitToWidth = 1;
  sheet.pageSetup.fitToHeight = 0;
  sheet.pageSetup.horizontalCentered = true;
  sheet.pageSetup.margins = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 };
  sheet.pageSetup.printTitlesRow = `${headerRows.from}:${headerRows.to}`;
  sheet.views = [{ state: 'frozen', ySplit: headerRows.to, xSplit: 0 }];
}

function forEachCell(sheet: ExcelJS.Worksheet, top: number, bottom: number, lastColumn: number, style: (cell: ExcelJS.Cell, column: number) => void): void {
  for (let row = top; row <= bottom; row += 1) for (let column = 1; column <= lastColumn; column += 1) style(sheet.getCell(row, column), column);
}

/** The workbook as .xlsx bytes, in Node and in the browser alike. */
export async function toXlsxBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** `YYYY-MM-DD` as the forms write a date: 2026年5月31日; none gives the blank 「    年  月  日」 of the paper. */
export function formatFormDate(date: string | undefined): string {
  if (!date) return '    年  月  日';
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** Who hands the table up: the 填报单位 / 填报人 / 联系电话 / 填报时间 line under every title. */
export interface FilingDetails {
  /** YYYY-MM-DD for 填报时间; the form's blank date without it. */
  reportDate?: string;
  unit?: string;
  filler?: string;
  phone?: string;
}

/** The 填报 line, blanks padded with spaces as on the printed form. */
export function formatFilingLine(details: FilingDetails, widths: { unit: number; filler: number; phone: number }): string {
  const pad = (text: string | undefined, width: number) => (text ? `${text}    ` : ' '.repeat(width));
  return `填报单位：${pad(details.unit, widths.unit)}填报人：${pad(details.filler, widths.filler)}联系电话：${pad(details.phone, widths.phone)}填报时间：${formatFormDate(details.reportDate)}`;
}
