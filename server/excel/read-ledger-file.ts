import { readFile } from 'node:fs/promises';
import { LedgerReadError, readLedgerWorkbook, type LedgerWorkbook } from '../../src/excel/read-ledger';

/** The CLI's edge: a 明细表 read from disk, a missing or unreadable file being a LedgerReadError too. */
export async function readLedgerFile(path: string): Promise<LedgerWorkbook> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      throw new LedgerReadError(`找不到文件 ${path}`, `no such file: ${path}`);
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new LedgerReadError(`无法打开文件 ${path}（${reason}）`, `cannot open ${path} (${reason})`);
  }
  return readLedgerWorkbook(bytes, path);
}
