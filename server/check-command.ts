import { parseArgs } from 'node:util';
import { formatLocalDate } from '../src/domain/dates';
import { checkLedgerRows, type LedgerFinding } from '../src/domain/ledger-checks';
import { LedgerReadError } from '../src/excel/read-ledger';
import { ConfigError } from './config';
import { readLedgerFile } from './excel/read-ledger-file';

const LEVEL_LABELS: Record<LedgerFinding['level'], string> = { error: '错误', warning: '提醒' };

/**
 * `fieldbook check FILE.xlsx [--json] [--date YYYY-MM-DD]` (CONTRACTS 「fieldbook check」):
 * exit 0 without error-level findings, 1 with, 2 when the file can't be read.
 */
export async function checkCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, date: { type: 'string' } },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) {
    throw new ConfigError('请给出一个明细表文件：fieldbook check FILE.xlsx [--json] [--date YYYY-MM-DD]', 'give one ledger file: fieldbook check FILE.xlsx [--json] [--date YYYY-MM-DD]');
  }
  const reportDate = values.date ?? formatLocalDate(new Date());
  if (!isIsoDate(reportDate)) {
    throw new ConfigError(`--date 应为 YYYY-MM-DD 格式的日期，收到「${reportDate}」`, `--date must be a date as YYYY-MM-DD, got "${reportDate}"`);
  }

  let ledger;
  try {
    ledger = await readLedgerFile(file);
  } catch (error) {
    if (!(error instanceof LedgerReadError)) throw error;
    process.stderr.write(`无法读取 ${file}：${error.chinese}\ncannot read ${file}: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }

  const findings = checkLedgerRows(ledger.rows, { reportDate });
  if (values.json) {
    const report = { file, rows: ledger.rows.length, findings: findings.map(({ row, code, level, column, message }) => ({ row, code, level, column, message })) };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    process.stdout.write(formatReport(file, ledger.sheet, ledger.rows.length, reportDate, findings));
  }
  process.exitCode = findings.some((finding) => finding.level === 'error') ? 1 : 0;
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** The findings as a table a township clerk reads in a terminal. */
export function formatReport(file: string, sheet: string, rowCount: number, reportDate: string, findings: readonly LedgerFinding[]): string {
  const errors = findings.filter((finding) => finding.level === 'error').length;
  const lines = [`${file}（工作表「${sheet}」，填报日期 ${reportDate}）`];
  if (findings.length > 0) {
    const table = [
      ['行', '代码', '级别', '列', '说明'],
      ...findings.map((finding) => [String(finding.row), finding.code, LEVEL_LABELS[finding.level], finding.column, finding.message]),
    ];
    const widths = [0, 1, 2, 3].map((index) => Math.max(...table.map((cells) => displayWidth(cells[index] ?? ''))));
    for (const cells of table) {
      lines.push(cells.map((cell, index) => (index < widths.length ? padDisplay(cell, widths[index] ?? 0) : cell)).join('  '));
    }
  }
  lines.push(`共 ${rowCount} 行，疑点 ${findings.length} 条：错误 ${errors} 条，提醒 ${findings.length - errors} 条`);
  return `${lines.join('\n')}\n`;
}

/** CJK characters take two columns in a terminal. */
function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(character) ? 2 : 1;
  return width;
}

function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
