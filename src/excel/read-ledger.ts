import ExcelJS from 'exceljs';
import { LEDGER_COLUMNS, type LedgerRow } from '../domain/ledger-row';

/** Why a 明细表 could not be read, in Chinese (`chinese`) and English (`message`). */
export class LedgerReadError extends Error {
  constructor(
    readonly chinese: string,
    english: string,
  ) {
    super(english);
    this.name = 'LedgerReadError';
  }
}

export interface LedgerWorkbook {
  /** The name the bytes came with (a path or an uploaded file's name), for messages. */
  file: string;
  sheet: string;
  rows: LedgerRow[];
}

type LedgerKey = Exclude<keyof LedgerRow, 'row'>;

/** Headers a county's copy may use instead of the 附件2-1 wording. */
const HEADER_ALIASES: Partial<Record<LedgerKey, readonly string[]>> = {
  county: ['县', '县区', '县(市、区)'],
  township: ['乡镇', '乡(镇)', '乡镇(街道)'],
  village: ['村(社区)', '村居'],
  monthsEmployed: ['年内累计就业时长', '年内累计就业时长(月数)'],
};
/** Columns a file may leave out. */
const OPTIONAL_COLUMNS: readonly LedgerKey[] = ['remarks'];
const MAX_HEADER_ROWS = 4;
const MAX_TITLE_ROWS = 20;
// Any date after 1954 and before 2119 as an Excel serial: a bare number in 就业时间 is one.
const SERIAL_DATE_RANGE = { min: 20000, max: 80000 } as const;

/**
 * Reads the first sheet that carries the 附件2-1 header; every cell comes back as the text Excel
 * shows. Takes the file's bytes, so the phone (a picked file) and the CLI (a file on disk) share it.
 */
export async function readLedgerWorkbook(source: ArrayBuffer | Uint8Array, file = ''): Promise<LedgerWorkbook> {
  const workbook = await loadWorkbook(source instanceof Uint8Array ? source : new Uint8Array(source));
  const sheets = workbook.worksheets.filter((worksheet) => worksheet.actualRowCount > 0);
  if (sheets.length === 0) throw new LedgerReadError('工作簿是空的：没有任何有内容的工作表', 'the workbook is empty: no worksheet has any content');

  let mismatch: LedgerReadError | undefined;
  for (const worksheet of sheets) {
    const header = findHeader(worksheet);
    if (!header) continue;
    if (header.missing.length > 0) {
      mismatch ??= new LedgerReadError(
        `工作表「${worksheet.name}」第 ${header.firstRow} 行起的表头缺少这些列：${header.missing.join('、')}`,
        `sheet "${worksheet.name}", header from row ${header.firstRow}: missing columns ${header.missing.join(', ')}`,
      );
      continue;
    }
    return { file, sheet: worksheet.name, rows: readRows(worksheet, header) };
  }
  throw (
    mismatch ??
    new LedgerReadError(
      `没有找到附件2-1 明细表的表头（序号、县（区）、姓名、身份证号……）：工作表 ${sheets.map((sheet) => `「${sheet.name}」`).join('')}`,
      `no sheet has the 附件2-1 detail ledger header (序号, 县（区）, 姓名, 身份证号 …); sheets: ${sheets.map((sheet) => sheet.name).join(', ')}`,
    )
  );
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0] as const;
/** The stream name an encrypted .xlsx carries inside its OLE container, as UTF-16LE bytes. */
const ENCRYPTED_PACKAGE = Uint8Array.from([...'EncryptedPackage'].flatMap((character) => [character.charCodeAt(0), 0]));

function includesBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    let offset = 0;
    while (offset < needle.length && haystack[start + offset] === needle[offset]) offset += 1;
    if (offset === needle.length) return true;
  }
  return false;
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (bytes.length === 0) throw new LedgerReadError('文件是空的（0 字节），不是 .xlsx 工作簿', 'the file is empty (0 bytes), not an .xlsx workbook');
  // An encrypted .xlsx and an old .xls are both OLE compound files, not zip.
  if (OLE_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
    if (includesBytes(bytes, ENCRYPTED_PACKAGE)) {
      throw new LedgerReadError('文件设有打开密码（已加密）：请在 Excel 中取消密码后另存为 .xlsx', 'the file is password-protected (encrypted); remove the password in Excel and save as .xlsx');
    }
    throw new LedgerReadError('这是旧版 .xls 文件：请在 Excel 中另存为 .xlsx', 'this is an old .xls file; save it as .xlsx in Excel');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // A copy with its own ArrayBuffer: a Node Buffer is often a view into a larger pool.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LedgerReadError(`文件已损坏或不是 .xlsx 工作簿（${reason}）`, `the file is corrupt or not an .xlsx workbook (${reason})`);
  }
  return workbook;
}

/** Header text as compared: NFKC (full-width brackets and digits to ASCII), no whitespace. */
function normalizeHeader(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

const stripOptionList = (header: string) => header.replace(/\([^)]*、[^)]*\)$/, '');

/** Every normalised wording that names the column. */
const HEADER_WORDINGS: ReadonlyMap<LedgerKey, ReadonlySet<string>> = new Map(
  LEDGER_COLUMNS.map((column) => {
    const full = normalizeHeader(column.header);
    const wordings = [full, stripOptionList(full), ...(HEADER_ALIASES[column.key] ?? []).map(normalizeHeader)];
    return [column.key, new Set(wordings)];
  }),
);

interface LedgerHeader {
  firstRow: number;
  /** the last row that belongs to the header (column-number row included) */
  lastRow: number;
  columns: Map<LedgerKey, number>;
  missing: string[];
}

function findHeader(worksheet: ExcelJS.Worksheet): LedgerHeader | undefined {
  const lastTitleRow = Math.min(worksheet.rowCount, MAX_TITLE_ROWS);
  for (let rowNumber = 1; rowNumber <= lastTitleRow; rowNumber += 1) {
    const texts = readHeaderTexts(worksheet, rowNumber);
    if (!texts.includes(normalizeHeader('序号'))) continue;

    const columns = new Map<LedgerKey, number>();
    let lastRow = rowNumber;
    for (let headerRow = rowNumber; headerRow < rowNumber + MAX_HEADER_ROWS && headerRow <= worksheet.rowCount; headerRow += 1) {
      const found = matchHeaderRow(readHeaderTexts(worksheet, headerRow));
      if (headerRow > rowNumber && found.size === 0 && !isMergedFrom(worksheet, headerRow, rowNumber)) break;
      for (const [key, column] of found) if (!columns.has(key)) columns.set(key, column);
      lastRow = headerRow;
    }
    if (!columns.has('idNumber') && !columns.has('name')) continue;
    if (isColumnNumberRow(worksheet, lastRow + 1)) lastRow += 1;
    const missing = LEDGER_COLUMNS.filter((column) => !columns.has(column.key) && !OPTIONAL_COLUMNS.includes(column.key)).map((column) => column.header);
    return { firstRow: rowNumber, lastRow, columns, missing };
  }
  return undefined;
}

function readHeaderTexts(worksheet: ExcelJS.Worksheet, rowNumber: number): string[] {
  const row = worksheet.getRow(rowNumber);
  const texts: string[] = [];
  for (let column = 1; column <= worksheet.columnCount; column += 1) texts[column] = normalizeHeader(cellToText(row.getCell(column)));
  return texts;
}

function matchHeaderRow(texts: readonly string[]): Map<LedgerKey, number> {
  const found = new Map<LedgerKey, number>();
  texts.forEach((text, column) => {
    if (!text) return;
    for (const [key, wordings] of HEADER_WORDINGS) if (wordings.has(text) && !found.has(key)) found.set(key, column);
  });
  return found;
}

/** a header row whose 序号 cell is the bottom of the vertically merged 序号 */
function isMergedFrom(worksheet: ExcelJS.Worksheet, rowNumber: number, firstRow: number): boolean {
  const row = worksheet.getRow(rowNumber);
  for (let column = 1; column <= worksheet.columnCount; column += 1) {
    const cell = row.getCell(column);
    if (cell.isMerged && Number(cell.master.row) === firstRow && Number(cell.master.col) === column) return true;
  }
  return false;
}

/** 1, 2, 3, … under the header, as some copies number the columns */
function isColumnNumberRow(worksheet: ExcelJS.Worksheet, rowNumber: number): boolean {
  const texts = readHeaderTexts(worksheet, rowNumber).filter(Boolean);
  return texts.length >= 5 && texts.every((text, index) => text === String(index + 1));
}

function readRows(worksheet: ExcelJS.Worksheet, header: LedgerHeader): LedgerRow[] {
  const rows: LedgerRow[] = [];
  let lastDataRow = header.lastRow;
  for (let rowNumber = header.lastRow + 1; rowNumber <= worksheet.rowCount; rowNumber += 1) {
    const excelRow = worksheet.getRow(rowNumber);
    const rowTexts: string[] = [];
    excelRow.eachCell((cell) => rowTexts.push(cellToText(cell)));
    if (rowTexts.some((text) => normalizeHeader(text).startsWith('填表说明'))) break;
    const row = readRow(excelRow, header.columns);
    if (LEDGER_COLUMNS.every((column) => column.key === 'serial' || row[column.key] === '')) continue;
    rows.push(row);
    lastDataRow = rowNumber;
  }
  rejectMergedData(worksheet, header.lastRow + 1, lastDataRow);
  return rows;
}

function readRow(excelRow: ExcelJS.Row, columns: ReadonlyMap<LedgerKey, number>): LedgerRow {
  const text = (key: LedgerKey): string => {
    const column = columns.get(key);
    return column === undefined ? '' : cellToText(excelRow.getCell(column), key === 'employedSince');
  };
  return {
    row: excelRow.number,
    serial: text('serial'),
    county: text('county'),
    township: text('township'),
    village: text('village'),
    name: text('name'),
    idNumber: text('idNumber'),
    phone: text('phone'),
    labourAbility: text('labourAbility'),
    relocated: text('relocated'),
    isStudent: text('isStudent'),
    monitored: text('monitored'),
    monitorType: text('monitorType'),
    monthsEmployed: text('monthsEmployed'),
    employmentRegion: text('employmentRegion'),
    employedSince: text('employedSince'),
    employerName: text('employerName'),
    intendedRegion: text('intendedRegion'),
    intendedEmployerType: text('intendedEmployerType'),
    expectedPay: text('expectedPay'),
    nearTermPlan: text('nearTermPlan'),
    noIntentionReason: text('noIntentionReason'),
    guidanceCount: text('guidanceCount'),
    referralCount: text('referralCount'),
    internship: text('internship'),
    training: text('training'),
    assistanceContact: text('assistanceContact'),
    assistanceContactPhone: text('assistanceContactPhone'),
    remarks: text('remarks'),
  };
}

function rejectMergedData(worksheet: ExcelJS.Worksheet, firstRow: number, lastRow: number): void {
  for (const range of worksheet.model.merges) {
    const [start = '', end = start] = range.split(':');
    const top = Number(/\d+$/.exec(start)?.[0]);
    const bottom = Number(/\d+$/.exec(end)?.[0]);
    if (bottom >= firstRow && top <= lastRow) {
      throw new LedgerReadError(
        `工作表「${worksheet.name}」数据区有合并单元格 ${range}：明细表每人一行，请取消合并后每格填写`,
        `sheet "${worksheet.name}" has merged cells ${range} in the data rows; unmerge them so each person is one row`,
      );
    }
  }
}

/**
 * The cell as text the way Excel shows it: a long number in General format is 4.50225E+17
 * (the digits are already lost, and the checks must see that), dates are YYYY-MM-DD,
 * full-width digits become ASCII.
 */
export function cellToText(cell: ExcelJS.Cell, isDateColumn = false): string {
  return valueToText(cell.value, cell.numFmt, isDateColumn)
    .replace(/[０-９]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
    .trim();
}

function valueToText(value: ExcelJS.CellValue, numFmt: string | undefined, isDateColumn: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (isDateColumn && Number.isInteger(value) && value >= SERIAL_DATE_RANGE.min && value <= SERIAL_DATE_RANGE.max) {
      return formatDate(new Date(Date.UTC(1899, 11, 30) + value * 86_400_000));
    }
    return formatNumber(value, numFmt);
  }
  if (value instanceof Date) return formatDate(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return valueToText(value.result ?? null, numFmt, isDateColumn);
  if ('text' in value) return typeof value.text === 'string' ? value.text : valueToText(value.text, numFmt, isDateColumn);
  return '';
}

function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Excel's display: 15 significant digits at most; General switches to 1.23457E+17 beyond 11 characters. */
function formatNumber(value: number, numFmt: string | undefined): string {
  const isGeneral = !numFmt || numFmt === 'General';
  if (!isGeneral && /^0+$/.test(numFmt)) return expandDigits(Math.round(value).toPrecision(15));
  if (isGeneral && Math.abs(value) >= 1e11) {
    const [mantissa = '', exponent = '0'] = value.toExponential(5).split('e');
    const trimmed = mantissa.replace(/\.?0+$/, '');
    const power = Number(exponent);
    return `${trimmed}E${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  }
  return String(Number(value.toPrecision(Number.isInteger(value) ? 15 : 10)));
}

/** "4.50225199001011e+17" → "450225199001011000", as Excel shows an ID typed as a number with format 0 */
function expandDigits(precise: string): string {
  const match = /^(-?)(\d)(?:\.(\d+))?e\+(\d+)$/.exec(precise);
  if (!match) return precise;
  const [, sign = '', first = '', rest = '', exponent = '0'] = match;
  return `${sign}${first}${rest.padEnd(Number(exponent), '0')}`;
}
