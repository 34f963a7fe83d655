import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LedgerReadError } from '../../src/excel/read-ledger';
import { aLedgerRow, buildLedgerWorkbook, toCells, toXlsxBuffer } from '../../tests/fixtures/ledger-workbook';
import { readLedgerFile } from './read-ledger-file';

describe('readLedgerFile', () => {
  it('reads a 明细表 from a path and names the file', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'fieldbook-ledger-'));
    const path = join(directory, 'ledger.xlsx');
    await writeFile(path, await toXlsxBuffer(buildLedgerWorkbook([toCells(aLedgerRow())]).workbook));
    const ledger = await readLedgerFile(path);
    expect(ledger.file).toBe(path);
    expect(ledger.rows).toHaveLength(1);
  });

  it('explains a missing file in Chinese and English', async () => {
    const error: unknown = await readLedgerFile('/nonexistent/明细表.xlsx').catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(LedgerReadError);
    expect((error as LedgerReadError).chinese).toMatch(/找不到文件/);
    expect((error as LedgerReadError).message).toMatch(/no such file/);
  });
});
