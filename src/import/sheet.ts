/**
 * A spreadsheet as the importer sees it, whatever file it came from: rows of cells in sheet
 * order, with the merged ranges. Row and column numbers are 1-based, as Excel shows them.
 */
export interface SheetCell {
  /** The text the cell shows, before any clean-up. */
  text: string;
  /** Set when the cell holds a number (not text): an ID typed as a number, a date serial. */
  number?: number;
  /** Set when the cell holds a date value (YYYY-MM-DD). */
  date?: string;
}

export interface CellRange {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  /** rows[0] is row 1; a missing cell is empty. */
  rows: SheetCell[][];
  merges: CellRange[];
}

export type SpreadsheetKind = 'xlsx' | 'csv';

export interface Spreadsheet {
  kind: SpreadsheetKind;
  sheets: Sheet[];
  /** Things said about the whole file (the encoding a CSV was read with). */
  notices: string[];
  /** The file's bytes, kept for readers that need the workbook itself (the 明细表 reader). */
  bytes: Uint8Array;
}

/** Why a file can't be read at all, in Chinese for the clerk. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export const EMPTY_CELL: SheetCell = { text: '' };

export function cellAt(sheet: Sheet, row: number, column: number): SheetCell {
  return sheet.rows[row - 1]?.[column - 1] ?? EMPTY_CELL;
}

/** "A", "B", … "Z", "AA": the column letter Excel shows. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** "B3:D5" → its bounds; undefined for anything else. */
export function parseRange(ref: string): CellRange | undefined {
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref.toUpperCase());
  if (!match) return undefined;
  const [, startColumn = '', startRow = '', endColumn = startColumn, endRow = startRow] = match;
  const columnNumber = (letters: string) => [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
  const top = Number(startRow);
  const bottom = Number(endRow);
  const left = columnNumber(startColumn);
  const right = columnNumber(endColumn);
  return { ref: ref.toUpperCase(), top: Math.min(top, bottom), bottom: Math.max(top, bottom), left: Math.min(left, right), right: Math.max(left, right) };
}

export function isEmptyRow(cells: readonly SheetCell[] | undefined): boolean {
  return !cells || cells.every((cell) => cell.text.trim() === '');
}
