import { execFile } from 'node:child_process';
import { accessSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';

/**
 * The unit project's globalSetup: one throwaway PostgreSQL server for the whole run, from
 * Debian's `postgresql` package (which .ci/run installs). A cluster in a temp dir, listening
 * on 127.0.0.1 at a free port with its socket in that dir, stopped and deleted at the end.
 * Where none can be started, one notice says why and the PostgreSQL store tests are skipped
 * (tests/server/stores.ts). FIELDBOOK_TEST_POSTGRES=off skips them on purpose.
 */

/** What test files `inject('postgres')`: a database to make schemas in, or why there is none. */
export type PostgresForTests = { url: string } | { unavailable: string };

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresForTests;
  }
}

interface ThrowawayPostgres {
  url: string;
  stop(): Promise<void>;
}

const run = promisify(execFile);

/** Debian's versioned binaries, newest first, then whatever `pg_ctl` is on the PATH. */
function findPgCtls(): string[] {
  const debian = (() => {
    try {
      return readdirSync('/usr/lib/postgresql')
        .filter((version) => /^\d+(\.\d+)?$/.test(version))
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => `/usr/lib/postgresql/${version}/bin/pg_ctl`);
    } catch {
      return [];
    }
  })();
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'pg_ctl'));
  const found = new Map<string, string>();
  for (const candidate of [...debian, ...onPath]) {
    try {
      accessSync(candidate, constants.X_OK);
      const real = realpathSync(candidate);
      if (!found.has(real)) found.set(real, candidate);
    } catch {
      // not there
    }
  }
  return [...found.values()];
}

/** PostgreSQL refuses to run as root: as root, run it as `postgres` (or `nobody`). */
function unprivilegedUser(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const users = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .filter((fields) => fields.length >= 4);
  for (const name of ['postgres', 'nobody']) {
    const entry = users.find((fields) => fields[0] === name);
    if (entry) return { name, uid: Number(entry[2]), gid: Number(entry[3]) };
  }
  throw new Error('running as root and there is no postgres or nobody user to run PostgreSQL as');
}

/** A TCP port on 127.0.0.1 nothing listens on right now (also used by the bench). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

function lastLines(file: string, count = 5): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-count).join(' | ');
  } catch {
    return '';
  }
}

function describeFailure(error: unknown): string {
  const failed = error as { stderr?: string; message?: string };
  return (failed.stderr?.trim() || failed.message || String(error)).split('\n').slice(0, 3).join(' | ');
}

const DIR_PREFIX = 'fieldbook-pg-';

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // A zombie (its parent, often a container's init, has not reaped it) is gone too.
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

function readPid(file: string): number {
  try {
    return Number(readFileSync(file, 'utf8').split('\n')[0]);
  } catch {
    return 0;
  }
}

/** A run that was killed never stopped its server: stop those whose vitest is gone. */
async function sweepLeftovers(): Promise<void> {
  for (const name of readdirSync(tmpdir()).filter((entry) => entry.startsWith(DIR_PREFIX))) {
    const dir = join(tmpdir(), name);
    const owner = readPid(join(dir, 'owner.pid'));
    // Without an owner it is not one of ours, or still being set up.
    if (owner === 0 || isRunning(owner)) continue;
    const postmaster = readPid(join(dir, 'data', 'postmaster.pid'));
    try {
      // SIGQUIT: PostgreSQL's immediate shutdown.
      if (isRunning(postmaster)) process.kill(postmaster, 'SIGQUIT');
      for (let wait = 0; wait < 50 && isRunning(postmaster); wait += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another user's.
    }
  }
}

async function startWith(pgCtl: string, user: ReturnType<typeof unprivilegedUser>): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(join(tmpdir(), DIR_PREFIX));
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  // From inside `dir`, as the tools must be able to read the directory they start in.
  const pgCtlRun = (args: string[]) =>
    user ? run('runuser', ['-u', user.name, '--', pgCtl, ...args], { cwd: dir, timeout: 60_000 }) : run(pgCtl, args, { cwd: dir, timeout: 60_000 });
  const stop = async (mode: 'fast' | 'immediate') => {
    if (existsSync(join(data, 'postmaster.pid'))) await pgCtlRun(['stop', '-s', '-w', '-D', data, '-m', mode]).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    try {
      await pgCtlRun(['initdb', '-s', '-D', data, '-o', '-A trust -U postgres -E UTF8 --locale=C --no-sync']);
    } catch (error) {
      throw new Error(`initdb failed: ${describeFailure(error)}`);
    }
    const port = await freePort();
    // Durability is of no use to a throwaway cluster; speed is.
    const options = `-h 127.0.0.1 -p ${port} -k ${dir} -F -c full_page_writes=off -c synchronous_commit=off -c max_connections=200`;
    try {
      await pgCtlRun(['start', '-s', '-w', '-t', '30', '-D', data, '-l', log, '-o', options]);
    } catch (error) {
      throw new Error(`server did not start: ${lastLines(log) || describeFailure(error)}`);
    }
    const admin = new Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    try {
      await admin.query('CREATE DATABASE fieldbook_test');
    } finally {
      await admin.end();
    }
    return { url: `postgres://postgres@127.0.0.1:${port}/fieldbook_test`, stop: () => stop('fast') };
  } catch (error) {
    await stop('immediate');
    throw error;
  }
}

/** Starts a server with the first PostgreSQL installation that works. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const pgCtls = findPgCtls();
  if (pgCtls.length === 0) throw new Error('no pg_ctl in /usr/lib/postgresql/*/bin or on PATH (Debian: apt-get install postgresql)');
  const user = unprivilegedUser();
  await sweepLeftovers();
  const failures: string[] = [];
  for (const pgCtl of pgCtls) {
    try {
      return await startWith(pgCtl, user);
    } catch (error) {
      failures.push(`${pgCtl}${user ? ` as ${user.name}` : ''}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(failures.join('; '));
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: ThrowawayPostgres | undefined;
  try {
    if (process.env.FIELDBOOK_TEST_POSTGRES === 'off') throw new Error('FIELDBOOK_TEST_POSTGRES=off');
    server = await startThrowawayPostgres();
    project.provide('postgres', { url: server.url });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    console.warn(`PostgreSQL not available: ${why}; PostgreSQL store tests skipped`);
    project.provide('postgres', { unavailable: why });
  }
  return async () => {
    await server?.stop();
  };
}
