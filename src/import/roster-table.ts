import { guessMapping, normalizeHeader } from './roster-fields';
import { cellAt, columnLetter, isEmptyRow, type CellRange, type Sheet, type SheetCell } from './sheet';

/** A sheet cut into its header and its data rows. */
export interface RosterTable {
  sheet: string;
  /** Row number of the header (the lowest row when it spans several). */
  headerRow: number;
  /** Header text of each column, index 0 = column A; a blank header is ''. */
  headers: string[];
  rows: { row: number; cells: SheetCell[] }[];
  /** Merged ranges that reach into the data rows: each person must be one row of plain cells. */
  dataMerges: CellRange[];
  /** True when no row looked like a header and the first non-empty row was taken. */
  headerGuessed: boolean;
}

const MAX_TITLE_ROWS = 20;

function rowHeaders(sheet: Sheet, row: number): string[] {
  return (sheet.rows[row - 1] ?? []).map((cell) => cell.text.trim());
}

function countRecognised(headers: readonly string[]): number {
  return Object.keys(guessMapping(headers)).length;
}

/**
 * Finds the header: of the first rows, the one whose cells name the most known fields (a title
 * and a 填报单位 line may come first). A header split over two rows by merged group headings
 * (「人员基本信息」 over 姓名, 身份证号 …) is read column by column, lowest wording first.
 */
export function readRosterTable(sheet: Sheet): RosterTable {
  let headerRow = 0;
  let best = 0;
  const lastTitleRow = Math.min(sheet.rows.length, MAX_TITLE_ROWS);
  for (let row = 1; row <= lastTitleRow; row += 1) {
    const score = countRecognised(rowHeaders(sheet, row));
    if (score > best) {
      best = score;
      headerRow = row;
    }
  }
  const headerGuessed = best < 2;
  if (headerGuessed) headerRow = Math.max(1, sheet.rows.findIndex((cells) => !isEmptyRow(cells)) + 1);

  const width = Math.max(0, ...sheet.rows.map((cells) => cells.length));
  const headers = Array.from({ length: width }, (_, index) => headerText(sheet, headerRow, index + 1));

  let firstDataRow = headerRow + 1;
  // A header merged downwards (序号 over two rows) ends where its merges end.
  for (const range of sheet.merges) if (range.top <= headerRow && range.bottom > headerRow && range.top >= headerRow - 2) firstDataRow = Math.max(firstDataRow, range.bottom + 1);
  if (isColumnNumberRow(sheet.rows[firstDataRow - 1])) firstDataRow += 1;

  const rows: RosterTable['rows'] = [];
  for (let row = firstDataRow; row <= sheet.rows.length; row += 1) {
    const cells = sheet.rows[row - 1] ?? [];
    if (isEmptyRow(cells)) continue;
    if (isNoteRow(cells)) break;
    rows.push({ row, cells });
  }
  const lastDataRow = rows.at(-1)?.row ?? firstDataRow;
  const dataMerges = sheet.merges.filter((range) => range.bottom >= firstDataRow && range.top <= lastDataRow);
  return { sheet: sheet.name, headerRow, headers, rows, dataMerges, headerGuessed };
}

/** The column's own wording, or the one above it when the header has a group heading row. */
function headerText(sheet: Sheet, headerRow: number, column: number): string {
  const own = cellAt(sheet, headerRow, column).text.trim();
  if (own) return own;
  const master = sheet.merges.find((range) => range.top < headerRow && range.bottom >= headerRow && range.left <= column && range.right >= column);
  if (master) return cellAt(sheet, master.top, master.left).text.trim();
  return '';
}

function isColumnNumberRow(cells: readonly SheetCell[] | undefined): boolean {
  const texts = (cells ?? []).map((cell) => cell.text.trim()).filter(Boolean);
  return texts.length >= 3 && texts.every((text, index) => text === String(index + 1));
}

/** 填表说明 / 备注： blocks after the data are not people. */
function isNoteRow(cells: readonly SheetCell[]): boolean {
  const first = cells.find((cell) => cell.text.trim() !== '')?.text ?? '';
  return /^(填表说明|说明[:：]|注[:：])/.test(normalizeHeader(first));
}

/** "B 列 · 身份证号码" for the column picker. */
export function describeColumn(headers: readonly string[], column: number): string {
  const header = headers[column - 1] ?? '';
  return header ? `${columnLetter(column)} 列 · ${header}` : `${columnLetter(column)} 列`;
}

/** The sheet most likely to be the roster: the one whose header names the most known fields. */
export function pickRosterSheet(sheets: readonly Sheet[]): number {
  let best = 0;
  let bestScore = -1;
  sheets.forEach((sheet, index) => {
    const table = readRosterTable(sheet);
    const score = table.headerGuessed ? 0 : countRecognised(table.headers);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

/** What is wrong with reading this sheet as a roster, in Chinese; undefined when its header was found. */
export function describeHeaderProblem(sheets: readonly Sheet[], chosen: number): string | undefined {
  const sheet = sheets[chosen];
  if (!sheet) return undefined;
  const table = readRosterTable(sheet);
  if (!table.headerGuessed) return undefined;
  const better = sheets.filter((other, index) => index !== chosen && !readRosterTable(other).headerGuessed).map((other) => `「${other.name}」`);
  const hint = better.length > 0 ? `；工作表${better.join('')}像是花名册，请换到那里` : '，请确认选对了工作表，或在下面逐项指定每个字段在哪一列';
  return `工作表「${sheet.name}」前 ${MAX_TITLE_ROWS} 行里没有找到花名册的表头（姓名、身份证号……）${hint}`;
}
