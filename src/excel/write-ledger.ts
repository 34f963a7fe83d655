import ExcelJS from 'exceljs';
import { LEDGER_COLUMNS, type LedgerRow } from '../domain/ledger-row';
import { formatFilingLine, putMerged, setUpPage, styleBody, styleHeader, styleNote, writeFilingLine, writeTitle, type FilingDetails } from './sheet-style';

export const LEDGER_TITLE = '柳州市脱贫家庭劳动力就业帮扶明细表';
/** The sheet row of the first person: title, 填报 line, three header rows (附件2-1 has no column-number row). */
export const LEDGER_FIRST_DATA_ROW = 6;

/** 附件2-1 填表说明, with the seed's line breaks. */
export const LEDGER_NOTES = [
  '填表说明：1.劳动能力情况按帮扶手册人员信息情况填写，在校生填“无劳动力”；',
  '2.未就业人员，无论是否有就业意愿，都要落实251就业帮扶，即2次职业指导，5次针对性岗位推介和1次技能培训或就业见习机会，就业见习机会享受人群：毕业年度高校生、毕业两年内高等院校',
  '中职院校（含技工院校）毕业生和16-24岁未就业青年。',
].join('\n');

export interface LedgerWorkbookOptions extends FilingDetails {
  sheetName?: string;
}

type LedgerKey = Exclude<keyof LedgerRow, 'row'>;
export type LedgerRowCells = Omit<LedgerRow, 'row'>;

/** Typed as text so Excel never turns them into 4.50225E+17. */
const TEXT_COLUMNS: ReadonlySet<LedgerKey> = new Set(['idNumber', 'phone', 'assistanceContactPhone', 'employedSince']);
/** Whole numbers written as numbers, so the office can sum them. */
const NUMBER_COLUMNS: ReadonlySet<LedgerKey> = new Set(['serial', 'monthsEmployed', 'guidanceCount', 'referralCount']);
/** The header cells that carry their option list on a second line in the seed. */
const OPTION_LIST_ON_NEW_LINE = /^(就业区域|就业意向)（/;
const WIDTHS: Partial<Record<LedgerKey, number>> = {
  serial: 5, county: 9, township: 9, village: 9, name: 8, idNumber: 21, phone: 13, labourAbility: 9, relocated: 9, isStudent: 6,
  monitored: 6, monitorType: 10, monthsEmployed: 10, employmentRegion: 13, employedSince: 11, employerName: 18, intendedRegion: 13,
  intendedEmployerType: 14, expectedPay: 8, nearTermPlan: 11, noIntentionReason: 8, guidanceCount: 7, referralCount: 7,
  internship: 7, training: 7, assistanceContact: 8, assistanceContactPhone: 13, remarks: 12,
};
/** Empty framed rows after the data, as the seed leaves for more people; their ID and phone cells are text already. */
const SPARE_ROWS = 2;

/**
 * The 明细表 in the layout of seed 000 附件2-1: title, the 填报 line, three header rows (the
 * groups 人员基本信息 / 已就业情况 / 未就业情况 / 就业帮扶情况, under 未就业情况 the groups
 * 有就业意愿 and 无就业意向), one row per person as given, two spare rows, then 填表说明.
 */
export function writeLedgerWorkbook(rows: readonly LedgerRowCells[], options: LedgerWorkbookOptions = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? '附件2-1');
  const lastColumn = LEDGER_COLUMNS.length;

  writeTitle(sheet, 1, lastColumn, LEDGER_TITLE);
  writeFilingLine(
    sheet,
    2,
    lastColumn,
    formatFilingLine(options, { unit: 19, filler: 18, phone: 40 }),
  );
  writeHeader(sheet);

  rows.forEach((row, index) => {
    const sheetRow = LEDGER_FIRST_DATA_ROW + index;
    LEDGER_COLUMNS.forEach(({ key }, columnIndex) => {
      const cell = sheet.getCell(sheetRow, columnIndex + 1);
      if (TEXT_COLUMNS.has(key)) cell.numFmt = '@';
      const text = row[key];
      if (text !== '') cell.value = NUMBER_COLUMNS.has(key) && /^\d{1,9}$/.test(text) ? Number(text) : text;
    });
  });
  const lastBodyRow = LEDGER_FIRST_DATA_ROW + rows.length + SPARE_ROWS - 1;
  for (let sheetRow = LEDGER_FIRST_DATA_ROW + rows.length; sheetRow <= lastBodyRow; sheetRow += 1) {
    LEDGER_COLUMNS.forEach(({ key }, columnIndex) => {
      if (TEXT_COLUMNS.has(key)) sheet.getCell(sheetRow, columnIndex + 1).numFmt = '@';
    });
  }
  const leftColumns = (['employerName', 'nearTermPlan', 'remarks'] as const).map((key) => columnOf(key));
  styleBody(sheet, LEDGER_FIRST_DATA_ROW, lastBodyRow, lastColumn, leftColumns);

  const notesRow = lastBodyRow + 1;
  styleNote(putMerged(sheet, notesRow, 1, notesRow, lastColumn, LEDGER_NOTES));
  sheet.getRow(notesRow).height = 48;

  LEDGER_COLUMNS.forEach(({ key }, index) => {
    sheet.getColumn(index + 1).width = WIDTHS[key] ?? 10;
  });
  setUpPage(sheet, { from: 3, to: 5 });
  return workbook;
}

function writeHeader(sheet: ExcelJS.Worksheet): void {
  const [top, middle, bottom] = [3, 4, 5];
  const headerText = (header: string) => header.replace(OPTION_LIST_ON_NEW_LINE, '$1\n（');
  LEDGER_COLUMNS.forEach((column, index) => {
    const at = index + 1;
    if (!column.group) putMerged(sheet, top, at, bottom, at, headerText(column.header));
    else if (column.group !== '未就业情况') putMerged(sheet, middle, at, bottom, at, headerText(column.header));
    else sheet.getCell(bottom, at).value = headerText(column.header);
  });
  for (const group of new Set(LEDGER_COLUMNS.flatMap((column) => column.group ?? []))) {
    const columns = LEDGER_COLUMNS.flatMap((column, index) => (column.group === group ? [index + 1] : []));
    putMerged(sheet, top, columns[0]!, top, columns.at(-1)!, group);
  }
  // Under 未就业情况: 有就业意愿 over its four columns, 无就业意向 over its reason.
  putMerged(sheet, middle, columnOf('intendedRegion'), middle, columnOf('nearTermPlan'), '有就业意愿');
  putMerged(sheet, middle, columnOf('noIntentionReason'), middle, columnOf('noIntentionReason'), '无就业意向');
  styleHeader(sheet, top, bottom, LEDGER_COLUMNS.length);
  sheet.getRow(bottom).height = 72;
}

function columnOf(key: LedgerKey): number {
  return LEDGER_COLUMNS.findIndex((column) => column.key === key) + 1;
}
