import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit';
import type { StoreLocation } from './store/open-store';

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_FILE = './data/fieldbook.db';
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A configuration mistake: printed in Chinese and English, exit code 2. */
export class ConfigError extends Error {
  constructor(
    readonly chinese: string,
    english: string,
  ) {
    super(english);
  }
}

export interface ServerConfig {
  port: number;
  host: string;
  store: StoreLocation;
  staticDir: string | undefined;
  tls: { certFile: string; keyFile: string } | undefined;
  /** Origins of a PWA served elsewhere that may call /api (FIELDBOOK_CORS_ORIGINS). */
  corsOrigins: string[];
  rateLimit: RateLimitOptions;
}

export interface ServerFlags {
  port?: string | undefined;
  host?: string | undefined;
  data?: string | undefined;
  cert?: string | undefined;
  key?: string | undefined;
  static?: string | undefined;
}

export function parsePort(raw: string): number {
  if (!/^\d{1,5}$/.test(raw.trim()) || Number(raw) > 65535) {
    throw new ConfigError(`端口无效：「${raw}」，应为 0–65535 的整数`, `invalid port "${raw}": expected an integer 0-65535`);
  }
  return Number(raw);
}

function parsePositiveInteger(raw: string, variable: string): number {
  if (!/^\d{1,9}$/.test(raw.trim()) || Number(raw) < 1) {
    throw new ConfigError(`${variable} 无效：「${raw}」，应为正整数`, `invalid ${variable} "${raw}": expected a positive integer`);
  }
  return Number(raw);
}

/** `FIELDBOOK_CORS_ORIGINS`: comma-separated origins such as `https://fieldbook.example.cn`. */
export function parseCorsOrigins(raw: string | undefined): string[] {
  const origins: string[] = [];
  for (const part of (raw ?? '').split(',')) {
    const value = part.trim();
    if (!value) continue;
    let origin: string | undefined;
    try {
      const url = new URL(value);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, '')) origin = url.origin;
    } catch {
      origin = undefined;
    }
    if (!origin) {
      throw new ConfigError(
        `FIELDBOOK_CORS_ORIGINS 中的来源无效：「${value}」，应形如 https://example.cn 或 http://192.168.1.5:5173`,
        `invalid origin "${value}" in FIELDBOOK_CORS_ORIGINS: expected e.g. https://example.cn`,
      );
    }
    origins.push(origin);
  }
  return origins;
}

/**
 * The receiver's store: the SQLite file of `--data`, else the PostgreSQL database of
 * DATABASE_URL, else the SQLite file of FIELDBOOK_DATA, else ./data/fieldbook.db.
 */
export function resolveStoreLocation(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): StoreLocation {
  const url = env.DATABASE_URL?.trim();
  if (flag === undefined && url) {
    // The value is not echoed: it usually holds a password.
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new ConfigError('DATABASE_URL 无效：应为 postgres://用户:密码@主机:端口/数据库 形式的地址', 'invalid DATABASE_URL: expected postgres://user:password@host:port/database');
    }
    return { kind: 'postgres', url };
  }
  return { kind: 'sqlite', file: resolve(flag ?? env.FIELDBOOK_DATA ?? DEFAULT_DATA_FILE) };
}

/** Flags win over environment variables, which win over the defaults of ../shared/CONTRACTS.md. */
export function resolveServerConfig(flags: ServerFlags, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = parsePort(flags.port ?? env.PORT ?? String(DEFAULT_PORT));
  const host = flags.host ?? env.HOST ?? DEFAULT_HOST;
  const store = resolveStoreLocation(flags.data, env);
  const certFile = flags.cert ?? env.FIELDBOOK_TLS_CERT;
  const keyFile = flags.key ?? env.FIELDBOOK_TLS_KEY;
  if (Boolean(certFile) !== Boolean(keyFile)) {
    throw new ConfigError('启用 HTTPS 需要同时提供证书和私钥（--cert 与 --key）', 'HTTPS needs both --cert and --key');
  }
  for (const file of [certFile, keyFile]) {
    if (file && !existsSync(file)) throw new ConfigError(`找不到文件：${file}`, `file not found: ${file}`);
  }
  const staticDir = resolve(flags.static ?? env.FIELDBOOK_STATIC ?? resolve(REPO_ROOT, 'dist'));
  return {
    port,
    host,
    store,
    staticDir: existsSync(resolve(staticDir, 'index.html')) ? staticDir : undefined,
    tls: certFile && keyFile ? { certFile, keyFile } : undefined,
    corsOrigins: parseCorsOrigins(env.FIELDBOOK_CORS_ORIGINS),
    rateLimit: {
      burst: env.FIELDBOOK_RATE_BURST ? parsePositiveInteger(env.FIELDBOOK_RATE_BURST, 'FIELDBOOK_RATE_BURST') : DEFAULT_RATE_LIMIT.burst,
      perMinute: env.FIELDBOOK_RATE_PER_MINUTE
        ? parsePositiveInteger(env.FIELDBOOK_RATE_PER_MINUTE, 'FIELDBOOK_RATE_PER_MINUTE')
        : DEFAULT_RATE_LIMIT.perMinute,
    },
  };
}
