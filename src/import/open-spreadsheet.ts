import { readCsvSheet } from './read-csv';
import { describeOleFile, isOleContainer, isZip, readXlsxSheets } from './read-xlsx';
import { ImportFileError, isEmptyRow, type Spreadsheet } from './sheet';

/**
 * Opens a picked file by what it is, not what it is called: a zip is an .xlsx, an OLE container
 * an .xls or an encrypted workbook, anything else is read as CSV text.
 */
export async function openSpreadsheet(bytes: Uint8Array, fileName: string): Promise<Spreadsheet> {
  if (bytes.length === 0) throw new ImportFileError('文件是空的（0 字节）');
  if (isOleContainer(bytes)) throw new ImportFileError(describeOleFile(bytes));
  if (isZip(bytes)) {
    const sheets = (await readXlsxSheets(bytes)).filter((sheet) => sheet.rows.some((row) => !isEmptyRow(row)));
    if (sheets.length === 0) throw new ImportFileError('工作簿是空的：没有任何有内容的工作表');
    return { kind: 'xlsx', sheets, notices: [], bytes };
  }
  if (/\.xls[xm]?$/i.test(fileName)) throw new ImportFileError('文件已损坏或不是 .xlsx 工作簿');
  const { sheet, notices } = await readCsvSheet(bytes, fileName.replace(/\.[^.]*$/, '') || 'CSV');
  return { kind: 'csv', sheets: [sheet], notices, bytes };
}
