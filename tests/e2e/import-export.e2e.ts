import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aRosterLine, anId, ROSTER_HEADER, toCsv, utf8WithBom, withWrongCheckDigit } from '../../src/import/roster-fixtures';
import { aLedgerRow, anIdNumber, buildLedgerWorkbook, toCells, toXlsxBuffer } from '../fixtures/ledger-workbook';
import { ARTIFACTS_DIR, newPhoneContext, seriousAccessibilityViolations, waitForOfflineReady, withServerAndBrowser } from './harness';

const env = withServerAndBrowser();

const ROSTER = toCsv([
  [...ROSTER_HEADER],
  aRosterLine(),
  aRosterLine({ 姓名: '韦明', 与户主关系: '子', 身份证号码: anId('2001-06-01', '021') }),
  aRosterLine({ 户编号: 'H002', 户主姓名: '覃海', 姓名: '覃海', 身份证号码: anId('1975-01-09', '035'), 村: '大坪村' }),
  aRosterLine({ 户编号: 'H003', 户主姓名: '莫兰', 姓名: '莫兰', 身份证号码: withWrongCheckDigit(anId('1980-08-08', '044')), 村: '大坪村' }),
]);

describe('roster import and Excel exports in Chromium', () => {
  it('imports a CSV roster offline, then downloads the 明细表 and 汇总表 as .xlsx', async () => {
    const context = await newPhoneContext(env.browser);
    const page = await context.newPage();
    await page.goto(env.server.url);
    await waitForOfflineReady(page);
    await context.setOffline(true);

    await page.getByRole('link', { name: '导入花名册' }).click();
    await page.getByRole('heading', { name: '导入花名册', exact: true }).waitFor();
    await page.getByLabel('花名册文件（.xlsx 或 .csv）').setInputFiles({ name: '花名册.csv', mimeType: 'text/csv', buffer: Buffer.from(utf8WithBom(ROSTER)) });
    await page.getByRole('region', { name: '前 4 行预览' }).waitFor();
    await page.getByText('第 5 行 身份证号：校验位错误').waitFor();
    expect(await page.getByLabel('分户方式').inputValue()).toBe('householdNumber');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'import.png') });
    await page.getByRole('heading', { name: '列对应' }).evaluate((heading) => heading.scrollIntoView());
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'import-mapping.png') });

    await page.getByRole('button', { name: '跳过错误，导入 3 人' }).click();
    await page.getByRole('status').filter({ hasText: '已导入：新增 3 人，更新 0 人，写入 2 户' }).waitFor();

    await page.goto(`${env.server.url}/#/reports`);
    await page.getByRole('heading', { name: '报表', exact: true }).waitFor();
    await page.getByLabel('填报单位', { exact: true }).fill('融水镇人社所');
    await page.getByLabel('填报人', { exact: true }).fill('韦建华');
    await page.getByLabel('联系电话', { exact: true }).fill('0772-5123456');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'reports.png') });

    const [ledger] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出明细表' }).click()]);
    expect(ledger.suggestedFilename()).toMatch(/^明细表-融水镇人社所-\d{8}\.xlsx$/);
    const ledgerSheet = await openDownload(await ledger.path());
    expect(String(ledgerSheet.getCell(2, 1).value)).toMatch(/^填报单位：融水镇人社所\s+填报人：韦建华\s+联系电话：0772-5123456/);
    expect([6, 7, 8].map((row) => ledgerSheet.getCell(row, 5).value)).toEqual(['覃海', '梁秀英', '韦明']);
    await page.getByRole('status').filter({ hasText: '（3 人）' }).waitFor();

    await page.getByLabel('按乡镇').check();
    const [summary] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出汇总表' }).click()]);
    expect(summary.suggestedFilename()).toMatch(/^汇总表-按乡镇-融水镇人社所-\d{8}\.xlsx$/);
    const summarySheet = await openDownload(await summary.path());
    expect([summarySheet.getCell(7, 2).value, summarySheet.getCell(7, 3).value]).toEqual(['合计', 3]);
    expect([summarySheet.getCell(8, 2).value, summarySheet.getCell(8, 3).value]).toEqual(['融水镇', 3]);

    // The 填报 line is remembered.
    await page.reload();
    expect(await page.getByLabel('填报单位', { exact: true }).inputValue()).toBe('融水镇人社所');
    await page.getByText(/融水镇人社所 · 韦建华 · \d{4}-\d{2}-\d{2}/).waitFor();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'reports-remembered.png') });
    await context.close();
  });

  it('reads an .xlsx 明细表 in the import worker, off the page, and imports it', async () => {
    const context = await newPhoneContext(env.browser);
    const page = await context.newPage();
    await page.goto(`${env.server.url}/#/import`);
    await page.getByRole('heading', { name: '导入花名册', exact: true }).waitFor();
    const rows = [aLedgerRow(), aLedgerRow({ name: '韦明', idNumber: anIdNumber('2001-06-01', '021') })];
    const buffer = await toXlsxBuffer(buildLedgerWorkbook(rows.map(toCells)).workbook);
    await page.getByLabel('花名册文件（.xlsx 或 .csv）').setInputFiles({ name: '明细表.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await page.getByText(/识别为官方《明细表》（附件2-1），工作表「.+」，2 行/).waitFor();
    await page.getByRole('button', { name: '确认导入 2 人' }).click();
    await page.getByRole('status').filter({ hasText: '已导入：新增 2 人' }).waitFor();
    // The workbook was unpacked in the worker: the page itself never loaded the Excel reader.
    expect(await page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => /exceljs/.test(entry.name)).length)).toBe(0);
    await context.close();
  });

  it('keeps Excel and CSV code out of the first screen: entry script, its preloads and the worker it starts', () => {
    const dist = resolve('dist');
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const pending = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((match) => (match[1] ?? match[2])!);
    const seen = new Set<string>();
    while (pending.length > 0) {
      const src = pending.pop()!;
      if (seen.has(src)) continue;
      seen.add(src);
      const code = readFileSync(join(dist, `.${src}`), 'utf8');
      // Static imports only: `import("…")` is loaded later, on demand.
      for (const match of code.matchAll(/\b(?:import|export)\s*(?:\{[^}]*\}|\*\s*as\s*[\w$]+|[\w$]+(?:\s*,\s*\{[^}]*\})?)?\s*(?:from\s*)?["'](\.\/[^"']+\.js)["']/g)) pending.push(`/assets/${match[1]!.slice(2)}`);
      for (const match of code.matchAll(/assets\/[\w.-]*worker[\w.-]*\.js/g)) pending.push(`/${match[0]}`);
    }
    expect([...seen].some((src) => src.includes('worker'))).toBe(true);
    for (const src of seen) {
      const code = readFileSync(join(dist, `.${src}`), 'utf8');
      expect({ src, exceljs: /xl\/worksheets|sharedStrings\.xml/.test(code), papaparse: /__parsed_extra|UndetectableDelimiter/.test(code) }).toEqual({ src, exceljs: false, papaparse: false });
    }
  });
});

async function openDownload(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(readFileSync(path)).buffer);
  return workbook.worksheets[0]!;
}
