import { parseArgs } from 'node:util';
import { formatLocalDate } from '../src/domain/dates';
import type { LedgerRow } from '../src/domain/ledger-row';
import { summarizeLedger, type SummaryLevel } from '../src/domain/ledger-summary';
import { LedgerReadError } from '../src/excel/read-ledger';
import { writeSummaryWorkbook } from '../src/excel/write-summary';
import { ConfigError } from './config';
import { readLedgerFile } from './excel/read-ledger-file';

const LEVELS: readonly SummaryLevel[] = ['县', '乡', '村'];

/**
 * `fieldbook summary FILE.xlsx... -o OUT.xlsx [--by 县|乡|村]` (CONTRACTS 「fieldbook summary」):
 * the 汇总表 of one or more 明细表 files. Exit 2 when a file can't be read; nothing is written then.
 */
export async function summaryCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { output: { type: 'string', short: 'o' }, by: { type: 'string' } } });
  const by = (values.by ?? '县') as SummaryLevel;
  if (!LEVELS.includes(by)) throw new ConfigError(`--by 应为 县、乡 或 村，收到「${values.by}」`, `--by must be 县, 乡 or 村, got "${values.by}"`);
  if (positionals.length === 0 || !values.output) {
    throw new ConfigError('请给出明细表文件和输出文件：fieldbook summary FILE.xlsx... -o OUT.xlsx [--by 县|乡|村]', 'give ledger files and an output: fieldbook summary FILE.xlsx... -o OUT.xlsx [--by 县|乡|村]');
  }
  const rows: LedgerRow[] = [];
  for (const file of positionals) {
    try {
      rows.push(...(await readLedgerFile(file)).rows);
    } catch (error) {
      if (!(error instanceof LedgerReadError)) throw error;
      process.stderr.write(`无法读取 ${file}：${error.chinese}\ncannot read ${file}: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
  }
  const summary = summarizeLedger(rows, by);
  await writeSummaryWorkbook(summary, by, { reportDate: formatLocalDate(new Date()) }).xlsx.writeFile(values.output);
  console.log(`已写入 ${values.output}：${positionals.length} 个文件，${rows.length} 行，${summary.groups.length} 个${by}`);
}
