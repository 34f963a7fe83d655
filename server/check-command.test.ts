import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AN_ID_STORED_AS_NUMBER, aLedgerRow, anIdNumber, buildLedgerWorkbook, theSeedSampleRow, toCells, toXlsxBuffer, type LedgerCells } from '../tests/fixtures/ledger-workbook';
import { runFieldbook } from '../tests/fixtures/run-fieldbook';
import { formatReport } from './check-command';

const fieldbook = runFieldbook;

let directory = '';
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'fieldbook-check-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function aLedgerFile(name: string, rows: LedgerCells[]): Promise<string> {
  const path = join(directory, name);
  await writeFile(path, await toXlsxBuffer(buildLedgerWorkbook(rows).workbook));
  return path;
}

const check = (path: string, ...flags: string[]) => fieldbook(['check', path, '--json', '--date', '2026-11-25', ...flags]);

describe('fieldbook check', () => {
  it('exits 0 and prints no findings for a clean ledger', async () => {
    const path = await aLedgerFile('clean.xlsx', [toCells(aLedgerRow())]);
    const run = await check(path);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ file: path, rows: 1, findings: [] });
  });

  it('exits 0 when there are only warnings', async () => {
    const path = await aLedgerFile('warnings.xlsx', [toCells(aLedgerRow({ phone: '123' }))]);
    const run = await check(path);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ findings: [{ row: 6, code: 'phone.format', level: 'warning', column: '联系电话' }] });
  });

  it('exits 1 with the seed sample row, a duplicate pair and an ID stored as a number', async () => {
    const id = anIdNumber('1988-08-08', '022');
    const path = await aLedgerFile('messy.xlsx', [
      toCells(theSeedSampleRow({ idNumber: anIdNumber('2005-05-05') })),
      toCells(aLedgerRow({ serial: '', idNumber: id })),
      toCells(aLedgerRow({ idNumber: ` ${id.toLowerCase()} ` })),
      { ...toCells(aLedgerRow()), idNumber: AN_ID_STORED_AS_NUMBER },
    ]);
    const run = await check(path);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { file: string; rows: number; findings: { row: number; code: string; level: string; column: string; message: string }[] };
    expect(report.rows).toBe(4);
    expect(report.findings).toContainEqual(expect.objectContaining({ row: 6, code: 'employment.contradiction', level: 'error', column: '就业区域' }));
    expect(report.findings.filter((finding) => finding.code === 'id.duplicate').map((finding) => finding.row)).toEqual([7, 8]);
    expect(report.findings).toContainEqual(expect.objectContaining({ row: 9, code: 'id.format', column: '身份证号', message: expect.stringContaining('4.50225E+17') as string }));
    for (const finding of report.findings) expect(Object.keys(finding)).toEqual(['row', 'code', 'level', 'column', 'message']);
  });

  it('prints a Chinese table and a count line without --json', async () => {
    const path = await aLedgerFile('table.xlsx', [toCells(theSeedSampleRow({ idNumber: anIdNumber('2005-05-05') }))]);
    const run = await fieldbook(['check', path, '--date', '2026-11-25']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/行\s+代码\s+级别\s+列\s+说明/);
    expect(run.stdout).toMatch(/6\s+employment\.contradiction\s+错误\s+就业区域/);
    expect(run.stdout).toMatch(/共 1 行，疑点 \d+ 条：错误 \d+ 条，提醒 \d+ 条/);
  });

  it.each([
    ['a corrupt file', 'corrupt.xlsx', Buffer.from('not a workbook at all')],
    ['a missing file', 'missing.xlsx', undefined],
  ])('exits 2 on %s with a Chinese and English message and no stack trace', async (_case, name, bytes) => {
    const path = join(directory, name);
    if (bytes) await writeFile(path, bytes);
    const run = await check(path);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/无法读取/);
    expect(run.stderr).toMatch(/cannot read/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a bad --date', async () => {
    const path = await aLedgerFile('date.xlsx', [toCells(aLedgerRow())]);
    const run = await fieldbook(['check', path, '--date', '2026-02-30']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/YYYY-MM-DD/);
  });

  it('judges ages and months on the --date given', async () => {
    const path = await aLedgerFile('months.xlsx', [toCells(aLedgerRow({ monthsEmployed: '6' }))]);
    expect((await fieldbook(['check', path, '--json', '--date', '2026-05-31'])).code).toBe(1);
    expect((await fieldbook(['check', path, '--json', '--date', '2026-06-01'])).code).toBe(0);
  });
});

describe('formatReport', () => {
  it('lines the columns up counting Chinese characters as two columns', () => {
    const text = formatReport('a.xlsx', '附件2-1', 2, '2026-11-25', [
      { row: 5, code: 'phone.format', level: 'warning', column: '联系电话', message: '联系电话「123」格式不对' },
      { row: 12, code: 'id.checksum', level: 'error', column: '身份证号', message: '身份证号校验位错误' },
    ]);
    const lines = text.trimEnd().split('\n');
    expect(lines).toEqual([
      'a.xlsx（工作表「附件2-1」，填报日期 2026-11-25）',
      '行  代码          级别  列        说明',
      '5   phone.format  提醒  联系电话  联系电话「123」格式不对',
      '12  id.checksum   错误  身份证号  身份证号校验位错误',
      '共 2 行，疑点 2 条：错误 1 条，提醒 1 条',
    ]);
  });
});
