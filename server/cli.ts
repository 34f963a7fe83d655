import { parseArgs } from 'node:util';
import { ConfigError, resolveServerConfig } from './config';
import { startServer } from './serve';

const USAGE = `用法 / usage:
  fieldbook serve [--port N] [--host H] [--data FILE] [--cert FILE --key FILE] [--static DIR]`;

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
  console.log(`data: ${config.dataFile}`);
  if (!config.staticDir) console.log('未找到已构建的应用 (dist/)，只提供 /api。Run `npm run build` to serve the app too.');
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  serve: serveCommand,
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
