import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, resolveServerConfig } from './config';
import { startServer, type RunningServer } from './serve';
import { closeTestStores, postgresAdapter } from '../tests/server/stores';

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
  await closeTestStores();
});

function aDataFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'fieldbook-serve-')), 'fieldbook.db');
}

async function start(flags: Parameters<typeof resolveServerConfig>[0]): Promise<RunningServer> {
  const server = await startServer(resolveServerConfig({ port: '0', data: aDataFile(), ...flags }, {}));
  running.push(server);
  return server;
}

describe('receiver configuration', () => {
  it('uses the contract defaults: 127.0.0.1:8787 and ./data/fieldbook.db', () => {
    const config = resolveServerConfig({}, {});
    expect(config).toMatchObject({ port: 8787, host: '127.0.0.1', tls: undefined });
    expect(config.store).toMatchObject({ kind: 'sqlite', file: expect.stringMatching(/data[/\\]fieldbook\.db$/) });
  });

  it('takes PORT, HOST and FIELDBOOK_DATA from the environment', () => {
    expect(resolveServerConfig({}, { PORT: '9000', HOST: '0.0.0.0', FIELDBOOK_DATA: '/tmp/x.db' })).toMatchObject({ port: 9000, host: '0.0.0.0', store: { kind: 'sqlite', file: '/tmp/x.db' } });
  });

  it('keeps the data in the PostgreSQL database of DATABASE_URL, unless --data names a SQLite file', () => {
    const env = { DATABASE_URL: 'postgres://fieldbook:secret@db.example.cn:5432/fieldbook', FIELDBOOK_DATA: '/tmp/x.db' };
    expect(resolveServerConfig({}, env).store).toEqual({ kind: 'postgres', url: env.DATABASE_URL });
    expect(resolveServerConfig({ data: '/tmp/y.db' }, env).store).toEqual({ kind: 'sqlite', file: '/tmp/y.db' });
    expect(resolveServerConfig({}, { ...env, DATABASE_URL: ' ' }).store).toEqual({ kind: 'sqlite', file: '/tmp/x.db' });
  });

  it('refuses a DATABASE_URL that is no postgres:// URL, without repeating its password', () => {
    expect(() => resolveServerConfig({}, { DATABASE_URL: 'mysql://root:hunter2@localhost/fieldbook' })).toThrow(ConfigError);
    try {
      resolveServerConfig({}, { DATABASE_URL: 'mysql://root:hunter2@localhost/fieldbook' });
    } catch (error) {
      expect((error as ConfigError).chinese).toContain('DATABASE_URL');
      expect(`${(error as ConfigError).chinese} ${(error as ConfigError).message}`).not.toContain('hunter2');
    }
  });

  it.each(['abc', '-1', '65536', '80.5', ''])('refuses the port "%s" with a Chinese message', (port) => {
    expect(() => resolveServerConfig({}, { PORT: port })).toThrow(ConfigError);
    try {
      resolveServerConfig({}, { PORT: port });
    } catch (error) {
      expect((error as ConfigError).chinese).toContain('端口无效');
    }
  });

  it('reads the CORS allow-list and the rate limit from the environment', () => {
    const config = resolveServerConfig({}, { FIELDBOOK_CORS_ORIGINS: 'https://fieldbook.example.cn, http://192.168.1.5:5173/', FIELDBOOK_RATE_BURST: '30', FIELDBOOK_RATE_PER_MINUTE: '10' });
    expect(config).toMatchObject({ corsOrigins: ['https://fieldbook.example.cn', 'http://192.168.1.5:5173'], rateLimit: { burst: 30, perMinute: 10 } });
  });

  it('allows no other origin and 120 requests a minute by default', () => {
    expect(resolveServerConfig({}, {})).toMatchObject({ corsOrigins: [], rateLimit: { burst: 120, perMinute: 120 } });
  });

  it.each([
    ['FIELDBOOK_CORS_ORIGINS', 'fieldbook.example.cn'],
    ['FIELDBOOK_CORS_ORIGINS', 'https://fieldbook.example.cn/app'],
    ['FIELDBOOK_CORS_ORIGINS', '*'],
    ['FIELDBOOK_RATE_BURST', '0'],
    ['FIELDBOOK_RATE_PER_MINUTE', 'lots'],
  ])('refuses %s=%s with a Chinese message', (variable, value) => {
    expect(() => resolveServerConfig({}, { [variable]: value })).toThrow(ConfigError);
    try {
      resolveServerConfig({}, { [variable]: value });
    } catch (error) {
      expect((error as ConfigError).chinese).toContain(variable);
    }
  });

  it('refuses a certificate without its key', () => {
    expect(() => resolveServerConfig({ cert: '/tmp/cert.pem' }, {})).toThrow('HTTPS needs both --cert and --key');
  });
});

describe('receiver', () => {
  it('listens and answers the health check over HTTP', async () => {
    const server = await start({});
    const response = await fetch(`${server.url}/api/health`);
    expect(await response.json()).toMatchObject({ status: 'ok', store: { kind: 'sqlite' } });
  });

  it.skipIf(postgresAdapter().unavailable !== undefined)('keeps its data in PostgreSQL when DATABASE_URL is set', async () => {
    const { location } = await postgresAdapter().open();
    if (location.kind !== 'postgres') throw new Error('expected a PostgreSQL store');
    const server = await startServer(resolveServerConfig({ port: '0' }, { DATABASE_URL: location.url }));
    running.push(server);
    const response = await fetch(`${server.url}/api/health`);
    expect(await response.json()).toMatchObject({ status: 'ok', store: { kind: 'postgres', schemaVersion: 1 } });
  });

  it('says clearly that the database of DATABASE_URL cannot be reached, without its password', async () => {
    const failure = startServer(resolveServerConfig({ port: '0' }, { DATABASE_URL: 'postgres://fieldbook:hunter2@127.0.0.1:1/fieldbook' }));
    await expect(failure).rejects.toBeInstanceOf(ConfigError);
    const error = (await failure.catch((caught: unknown) => caught)) as ConfigError;
    expect(error.chinese).toContain('无法打开 DATABASE_URL 指定的数据库');
    expect(error.message).toContain('ECONNREFUSED');
    expect(`${error.chinese} ${error.message}`).not.toContain('hunter2');
  });

  it('says clearly that the port is in use', async () => {
    const first = await start({});
    const port = new URL(first.url).port;
    await expect(start({ port })).rejects.toMatchObject({ chinese: `端口 ${port} 已被占用：请关闭占用它的程序，或用 PORT 换一个端口` });
  });

  it('serves HTTPS when given a certificate and key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldbook-tls-'));
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
    const server = await start({ cert, key });
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const body = await new Promise<string>((resolve, reject) => {
      httpsRequest(`${server.url}/api/health`, { rejectUnauthorized: false }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve(text));
      })
        .on('error', reject)
        .end();
    });
    expect(JSON.parse(body)).toMatchObject({ status: 'ok' });
  });
});
