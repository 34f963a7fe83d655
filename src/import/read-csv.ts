import { decodeCsvBytes } from './decode-text';
import { ImportFileError, type Sheet } from './sheet';

/** A CSV file as one sheet: every cell is text, row numbers as a spreadsheet program shows them. papaparse loads on first use. */
export async function readCsvSheet(bytes: Uint8Array, name: string): Promise<{ sheet: Sheet; notices: string[] }> {
  const { text, notice } = decodeCsvBytes(bytes);
  if (text.trim() === '') throw new ImportFileError('文件是空的：没有任何内容');
  const { default: Papa } = await import('papaparse');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'] });
  const fatal = parsed.errors.find((error) => error.code === 'MissingQuotes');
  if (fatal) throw new ImportFileError(`CSV 格式有误：第 ${(fatal.row ?? 0) + 1} 行的引号没有配对`);
  const rows = parsed.data.map((cells) => cells.map((text) => ({ text })));
  while (rows.length > 0 && rows.at(-1)!.every((cell) => cell.text.trim() === '')) rows.pop();
  return { sheet: { name, rows, merges: [] }, notices: notice ? [notice] : [] };
}
