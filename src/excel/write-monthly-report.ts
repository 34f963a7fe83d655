import ExcelJS from 'exceljs';
import { MONTHLY_REPORT_COLUMNS, type MonthlyFigures, type MonthlyReport } from '../domain/monthly-report';
import { putMerged, setUpPage, styleBody, styleHeader, styleNote, writeFilingLine, writeTitle } from './sheet-style';

export const MONTHLY_REPORT_TITLE = '河源市就业技能精准扶贫组织化程度工作月报表';
export const MONTHLY_REPORT_REMARKS_LABEL = '备注（其它需要说明的情况。例：扶贫相关政策等）';
/** The sheet row of the first month: title, 填报单位 line, 序号 row, two header rows. */
export const MONTHLY_REPORT_FIRST_DATA_ROW = 6;
export const MONTHLY_REPORT_TOTAL_LABEL = '累计';

export interface MonthlyReportWorkbookOptions {
  /** Written before （加盖公章）; the paper's blank by default. */
  unit?: string;
  /** The 备注 row's text. */
  remarks?: string;
  sheetName?: string;
}

/**
 * The 月报表 in the layout of seed 002 附件1: title, 填报单位：（加盖公章）, the 序号 row 1–7
 * over the groups, the group and column headers (a column without a group spans both header
 * rows), one row per month with its 日期, the 累计 row and the 备注 row. Figures the app does
 * not keep (the workshops) are left empty for the clerk.
 */
export function writeMonthlyReportWorkbook(report: MonthlyReport, options: MonthlyReportWorkbookOptions = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? '附件1');
  const lastColumn = 1 + MONTHLY_REPORT_COLUMNS.length;
  const [serialRow, groupRow, labelRow] = [3, 4, 5];

  writeTitle(sheet, 1, lastColumn, MONTHLY_REPORT_TITLE);
  writeFilingLine(sheet, 2, lastColumn, `填报单位：${options.unit ?? ''}（加盖公章）`);

  // 序号 spans the 序号 row and the group row; 日期 sits under it, left of the column headers.
  putMerged(sheet, serialRow, 1, groupRow, 1, '序号');
  sheet.getCell(labelRow, 1).value = '日期';
  MONTHLY_REPORT_COLUMNS.forEach((column, index) => {
    const at = 2 + index;
    const previous = MONTHLY_REPORT_COLUMNS[index - 1];
    if (previous?.serial !== column.serial) {
      const span = MONTHLY_REPORT_COLUMNS.filter((other) => other.serial === column.serial).length;
      putMerged(sheet, serialRow, at, serialRow, at + span - 1, column.serial);
      if (column.group) putMerged(sheet, groupRow, at, groupRow, at + span - 1, column.group);
    }
    if (column.group) sheet.getCell(labelRow, at).value = column.label;
    else putMerged(sheet, groupRow, at, labelRow, at, column.label);
  });
  styleHeader(sheet, serialRow, labelRow, lastColumn);
  sheet.getRow(labelRow).height = 44;
  sheet.getRow(groupRow).height = 44;

  const figureCells = (figures: MonthlyFigures) => MONTHLY_REPORT_COLUMNS.map((column) => figures[column.key] ?? null);
  report.months.forEach((month, index) => {
    sheet.getRow(MONTHLY_REPORT_FIRST_DATA_ROW + index).values = [month.label, ...figureCells(month.figures)];
  });
  const totalRow = MONTHLY_REPORT_FIRST_DATA_ROW + report.months.length;
  sheet.getRow(totalRow).values = [MONTHLY_REPORT_TOTAL_LABEL, ...figureCells(report.total)];
  styleBody(sheet, MONTHLY_REPORT_FIRST_DATA_ROW, totalRow, lastColumn);
  sheet.getRow(totalRow).font = { name: '宋体', size: 10, bold: true };

  const remarksRow = totalRow + 1;
  sheet.getCell(remarksRow, 1).value = MONTHLY_REPORT_REMARKS_LABEL;
  putMerged(sheet, remarksRow, 2, remarksRow, lastColumn, options.remarks ?? '');
  styleBody(sheet, remarksRow, remarksRow, lastColumn);
  styleNote(sheet.getCell(remarksRow, 2));
  sheet.getRow(remarksRow).height = 60;

  sheet.getColumn(1).width = 16;
  for (let column = 2; column <= lastColumn; column += 1) sheet.getColumn(column).width = 11;
  setUpPage(sheet, { from: serialRow, to: labelRow });
  return workbook;
}
