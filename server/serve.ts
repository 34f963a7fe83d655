import { createAdaptorServer, type ServerType } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createApp } from './app';
import { ConfigError, REPO_ROOT, type ServerConfig } from './config';
import { describeStoreLocation, openStore, type StoreLocation } from './store/open-store';
import type { Store } from './store/store';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function listen(server: ServerType, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolveListen, rejectListen) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        rejectListen(new ConfigError(`端口 ${port} 已被占用：请关闭占用它的程序，或用 PORT 换一个端口`, `port ${port} is already in use`));
      } else if (error.code === 'EACCES') {
        rejectListen(new ConfigError(`没有权限使用端口 ${port}`, `no permission to listen on port ${port}`));
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        rejectListen(new ConfigError(`本机没有地址 ${host}`, `address ${host} is not available on this machine`));
      } else {
        rejectListen(error);
      }
    });
    server.listen(port, host, () => resolveListen(server.address() as AddressInfo));
  });
}

/** Opens the store of `serve` and `token create`; a database it cannot reach is a ConfigError. */
export async function openConfiguredStore(location: StoreLocation): Promise<Store> {
  if (location.kind === 'sqlite') return openStore(location);
  try {
    return await openStore(location);
  } catch (error) {
    // A refused connection to every address of a host is an AggregateError without a message.
    const reason = error instanceof Error ? error.message || ('code' in error ? String(error.code) : error.name) : String(error);
    const where = describeStoreLocation(location);
    throw new ConfigError(`无法打开 DATABASE_URL 指定的数据库（${where}）：${reason}`, `cannot open the database of DATABASE_URL (${where}): ${reason}`);
  }
}

/** Opens the store and starts the receiver; resolves once it is listening. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const store = await openConfiguredStore(config.store);
  const app = createApp({
    store,
    staticDir: config.staticDir,
    version: readVersion(),
    corsOrigins: config.corsOrigins,
    rateLimit: config.rateLimit,
  });
  // Created without listening, so that a port in use becomes a clear error rather than a crash.
  const server = config.tls
    ? createAdaptorServer({
        fetch: app.fetch,
        createServer: createHttpsServer,
        serverOptions: { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) },
      })
    : createAdaptorServer({ fetch: app.fetch });
  try {
    const address = await listen(server, config.port, config.host);
    const scheme = config.tls ? 'https' : 'http';
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return {
      url: `${scheme}://${shownHost}:${address.port}`,
      async close() {
        await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
