import { parseArgs } from 'node:util';
import { checkCommand } from './check-command';
import { importCommand } from './import-command';
import { summaryCommand } from './summary-command';
import { ConfigError, resolveServerConfig, resolveStoreLocation } from './config';
import { describeScope, parseScope } from './scope';
import { openConfiguredStore, startServer } from './serve';
import { describeStoreLocation } from './store/open-store';

const USAGE = `用法 / usage:
  fieldbook serve [--port N] [--host H] [--data FILE] [--cert FILE --key FILE] [--static DIR]
  fieldbook token create --name NAME --scope SCOPE [--data FILE]
    SCOPE: 县、乡镇或村的名称或行政区划代码 / a county, township or village name or code (融水县, 融水镇, 新国村, 450225)
  fieldbook check FILE.xlsx [--json] [--date YYYY-MM-DD]
    明细表（附件2-1）疑点检查 / the 疑点 checks over an official detail ledger; exit 0 none, 1 errors, 2 unreadable
  fieldbook summary FILE.xlsx... -o OUT.xlsx [--by 县|乡|村]
    由明细表生成汇总表（附件2-2）/ the summary table from one or more detail ledgers
  fieldbook import FILE.xlsx... [--data FILE]
    把明细表导入接收端的数据，按身份证号认人，重复导入不会重复添加 / load detail ledgers into the receiver's store, matched by ID number
    exit 0 全部导入或未变化 / all in; 1 有行因问题被跳过 / rows skipped; 2 文件无法读取，未导入任何数据 / unreadable, nothing stored
  数据：--data 指定的 SQLite 文件，否则 DATABASE_URL 指定的 PostgreSQL，否则 FIELDBOOK_DATA 或 ./data/fieldbook.db
  data: the SQLite file of --data, else the PostgreSQL database of DATABASE_URL, else FIELDBOOK_DATA or ./data/fieldbook.db`;

async function serveCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      static: { type: 'string' },
    },
  });
  const config = resolveServerConfig(values);
  const server = await startServer(config);
  console.log(`入户台账 township receiver listening on ${server.url}`);
  console.log(`data: ${describeStoreLocation(config.store)}`);
  if (!config.staticDir) console.log('未找到已构建的应用 (dist/)，只提供 /api。Run `npm run build` to serve the app too.');
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** `token create`: prints the new secret alone on the last line of stdout, for scripts. */
async function tokenCommand(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  if (action !== 'create') {
    throw new ConfigError(`未知的 token 子命令：${action ?? '（缺少）'}，应为 token create`, `unknown token subcommand: ${action ?? '(missing)'}; expected "token create"`);
  }
  const { values } = parseArgs({
    args: rest,
    options: { name: { type: 'string' }, scope: { type: 'string' }, data: { type: 'string' } },
  });
  const name = values.name?.trim() ?? '';
  if (!name || name.length > 64 || /\p{Cc}/u.test(name)) {
    throw new ConfigError('请用 --name 给令牌起一个名字（1–64 个字符，如 新国村 1号手机）', 'give the token a name with --name (1-64 characters)');
  }
  if (values.scope === undefined) {
    throw new ConfigError('请用 --scope 指定令牌的范围：县、乡镇或村的名称或行政区划代码', 'give the token a scope with --scope: a county, township or village name or code');
  }
  const parsed = parseScope(values.scope);
  if (!parsed.ok) throw new ConfigError(parsed.chinese, parsed.english);
  const location = resolveStoreLocation(values.data);
  const store = await openConfiguredStore(location);
  try {
    const secret = await store.createToken(name, parsed.scope);
    console.log(`已创建设备令牌「${name}」，范围：${describeScope(parsed.scope)} / token created, scope ${parsed.scope.level} ${parsed.scope.name}`);
    console.log(`data: ${describeStoreLocation(location)}`);
    console.log('令牌只显示这一次，请把最后一行交给使用该手机的干部填入 / shown only once: the last line is the token to enter on the phone');
    console.log(secret);
  } finally {
    await store.close();
  }
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  serve: serveCommand,
  token: tokenCommand,
  check: checkCommand,
  summary: summaryCommand,
  import: importCommand,
};

export async function runCli(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(name ? `未知命令 / unknown command: ${name}\n${USAGE}` : USAGE);
    process.exitCode = 2;
    return;
  }
  try {
    await command(args);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`错误：${error.chinese}\nerror: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`参数错误 / bad arguments: ${error.message}\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}
