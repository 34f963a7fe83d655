import type ExcelJS from 'exceljs';
import { ImportFileError, parseRange, type CellRange, type Sheet, type SheetCell } from './sheet';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0] as const;
const ZIP_SIGNATURE = [0x50, 0x4b] as const;
/** The stream an encrypted .xlsx carries inside its OLE container, as UTF-16LE bytes. */
const ENCRYPTED_PACKAGE = Uint8Array.from([...'EncryptedPackage'].flatMap((character) => [character.charCodeAt(0), 0]));

export function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_SIGNATURE);
}

export function isOleContainer(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE_SIGNATURE);
}

function includesBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    for (let offset = 0; offset < needle.length; offset += 1) if (haystack[start + offset] !== needle[offset]) continue outer;
    return true;
  }
  return false;
}

/** An OLE file is either an .xlsx with an open password or an old .xls: say which. */
export function describeOleFile(bytes: Uint8Array): string {
  return includesBytes(bytes, ENCRYPTED_PACKAGE)
    ? '文件设有打开密码（已加密）：请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再选择'
    : '这是旧版 .xls 文件：请在 Excel 或 WPS 中“另存为” .xlsx 后再选择';
}

/** Every sheet of an .xlsx workbook, cell values as the importer needs them. exceljs loads on first use. */
export async function readXlsxSheets(bytes: Uint8Array): Promise<Sheet[]> {
  if (isOleContainer(bytes)) throw new ImportFileError(describeOleFile(bytes));
  if (!isZip(bytes)) throw new ImportFileError('文件已损坏或不是 .xlsx 工作簿');
  const { default: ExcelJSModule } = await import('exceljs');
  const workbook = new ExcelJSModule.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw new ImportFileError('文件已损坏或不是 .xlsx 工作簿（无法解压或读取其中的表格）');
  }
  return workbook.worksheets.filter((worksheet) => worksheet.state !== 'veryHidden').map(readWorksheet);
}

function readWorksheet(worksheet: ExcelJS.Worksheet): Sheet {
  const rows: SheetCell[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // A merged range's other cells repeat the master's value in exceljs; Excel shows them empty.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      cells[columnNumber - 1] = readCell(cell);
    });
    for (let index = 0; index < cells.length; index += 1) cells[index] ??= { text: '' };
    rows[rowNumber - 1] = cells;
  });
  for (let index = 0; index < rows.length; index += 1) rows[index] ??= [];
  const merges = worksheet.model.merges.map(parseRange).filter((range): range is CellRange => range !== undefined);
  return { name: worksheet.name, rows, merges };
}

function readCell(cell: ExcelJS.Cell): SheetCell {
  return readValue(cell.value, cell.numFmt);
}

function readValue(value: ExcelJS.CellValue, numFmt: string | undefined): SheetCell {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'number') return { text: formatNumber(value, numFmt), number: value };
  if (value instanceof Date) {
    const date = Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
    return date ? { text: date, date } : { text: '' };
  }
  if ('richText' in value) return { text: value.richText.map((run) => run.text).join('') };
  if ('error' in value) return { text: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) return readValue((value.result ?? null) as ExcelJS.CellValue, numFmt);
  if ('text' in value) return { text: typeof value.text === 'string' ? value.text : '' };
  return { text: '' };
}

/** The number as Excel's General format shows it: 11 or more digits turn into 4.50225E+17. */
function formatNumber(value: number, numFmt: string | undefined): string {
  const isGeneral = !numFmt || numFmt === 'General';
  if (isGeneral && Math.abs(value) >= 1e11) {
    const [mantissa = '', exponent = '0'] = value.toExponential(5).split('e');
    const power = Number(exponent);
    return `${mantissa.replace(/\.?0+$/, '')}E${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  }
  if (Number.isInteger(value) && Math.abs(value) < Number.MAX_SAFE_INTEGER) return String(value);
  return String(Number(value.toPrecision(15)));
}
