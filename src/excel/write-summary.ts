import ExcelJS from 'exceljs';
import { SUMMARY_COLUMNS, toFigureArray, type LedgerSummary, type SummaryLevel } from '../domain/ledger-summary';
import { formatFilingLine, setUpPage, styleBody, styleHeader, writeFilingLine, writeTitle, type FilingDetails } from './sheet-style';

const TITLE = '柳州市脱贫家庭劳动力就业帮扶汇总表';
const GROUP_HEADERS: Record<SummaryLevel, string> = { 县: '县（区）', 乡: '乡（镇）', 村: '村' };

/**
 * The 汇总表 in the layout of seed 000 附件2-2: title, the 填报单位 line, three header rows with
 * merged cells, the column-number row, then 合计 and one row per group. Figures are numbers.
 */
export function writeSummaryWorkbook(summary: LedgerSummary, by: SummaryLevel, filing: FilingDetails): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('附件2-2');
  const figureColumns = SUMMARY_COLUMNS.length;
  const lastColumn = 2 + figureColumns + 1; // 序号, 县（区）, the 23 figures, 备注

  writeTitle(sheet, 1, lastColumn, TITLE);
  writeFilingLine(sheet, 2, lastColumn, formatFilingLine(filing, { unit: 12, filler: 12, phone: 12 }));

  const [top, middle, bottom] = [3, 4, 5];
  const header = (row: number, column: number, value: string) => {
    sheet.getCell(row, column).value = value;
  };
  for (const [column, text] of [[1, '序号'], [2, GROUP_HEADERS[by]], [lastColumn, '备注']] as const) {
    sheet.mergeCells(top, column, bottom, column);
    header(top, column, text);
  }
  // Merge each run of columns sharing a group (top row) or subgroup (middle row).
  SUMMARY_COLUMNS.forEach((column, index) => {
    const at = 3 + index;
    if (!column.group) {
      sheet.mergeCells(top, at, bottom, at);
      header(top, at, column.label);
      return;
    }
    const previous = SUMMARY_COLUMNS[index - 1];
    if (previous?.group !== column.group) {
      const end = at + SUMMARY_COLUMNS.slice(index).findIndex((other) => other.group !== column.group);
      const last = end < at ? 2 + figureColumns : end - 1;
      sheet.mergeCells(top, at, top, last);
      header(top, at, column.group);
    }
    if (column.subgroup) {
      if (previous?.subgroup !== column.subgroup) {
        const end = at + SUMMARY_COLUMNS.slice(index).findIndex((other) => other.subgroup !== column.subgroup);
        const last = end < at ? 2 + figureColumns : end - 1;
        sheet.mergeCells(middle, at, middle, last);
        header(middle, at, column.subgroup);
      }
      header(bottom, at, column.label);
    } else {
      sheet.mergeCells(middle, at, bottom, at);
      header(middle, at, column.label);
    }
  });
  const numbers = sheet.getRow(6);
  for (let column = 1; column <= lastColumn; column += 1) numbers.getCell(column).value = column;
  styleHeader(sheet, top, 6, lastColumn);
  // Merged cells never grow their rows: the lowest header row holds the longest labels.
  sheet.getRow(middle).height = 24;
  sheet.getRow(bottom).height = 60;

  const addFigures = (serial: number | string, name: string, figures: number[]) => sheet.addRow([serial, name, ...figures, '']);
  addFigures('', '合计', toFigureArray(summary.total));
  summary.groups.forEach((group, index) => addFigures(index + 1, group.name, toFigureArray(group.figures)));
  styleBody(sheet, 7, 7 + summary.groups.length, lastColumn);
  setUpPage(sheet, { from: top, to: 6 });

  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 14;
  for (let column = 3; column < lastColumn; column += 1) sheet.getColumn(column).width = 10;
  return workbook;
}
