import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncResponseSchema } from '../src/domain/sync-protocol';
import { aBatch, aFamilyOfRevisions } from '../tests/server/builders';
import { aDataFile } from '../tests/server/receiver';
import { closeTestStores, postgresAdapter } from '../tests/server/stores';
import { REPO_ROOT, resolveServerConfig } from './config';
import { startServer, type RunningServer } from './serve';

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
  await closeTestStores();
});

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function fieldbook(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [resolve(REPO_ROOT, 'bin/fieldbook.js'), ...args], {
      cwd: REPO_ROOT,
      // The store is the test's, not whatever DATABASE_URL this shell has.
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('fieldbook token create', () => {
  it('prints a token on its last line that a started receiver accepts within the scope', async () => {
    const data = aDataFile();
    const run = await fieldbook(['token', 'create', '--name', '测试', '--scope', '新国村', '--data', data]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    const token = lines.at(-1)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(lines.slice(0, -1).join('\n')).not.toContain(token);

    const server = await startServer(resolveServerConfig({ port: '0', data }, {}));
    running.push(server);
    const ours = aFamilyOfRevisions();
    const theirs = aFamilyOfRevisions({ village: '良会村' })[0]!;
    const response = await fetch(`${server.url}/api/sync`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(aBatch([...ours, theirs])),
    });
    expect(response.status).toBe(200);
    const { results } = SyncResponseSchema.parse(await response.json());
    expect(results.map((result) => result.error?.code ?? result.status)).toEqual(['stored', 'stored', 'stored', 'scope.forbidden']);

    const changes = await fetch(`${server.url}/api/changes`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await changes.json()) as { revisions: unknown[] }).revisions).toHaveLength(3);
    expect((await fetch(`${server.url}/api/changes`, { headers: { authorization: 'Bearer guessed' } })).status).toBe(401);
  });

  it('takes the data file from FIELDBOOK_DATA as serve does', async () => {
    const data = aDataFile();
    const run = await fieldbook(['token', 'create', '--name', '县里', '--scope', '450225'], { FIELDBOOK_DATA: data });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(data);
  });

  it.skipIf(postgresAdapter().unavailable !== undefined)('creates the token in the database of DATABASE_URL, which a receiver on it accepts', async () => {
    const { location } = await postgresAdapter().open();
    if (location.kind !== 'postgres') throw new Error('expected a PostgreSQL store');
    const run = await fieldbook(['token', 'create', '--name', '测试', '--scope', '新国村'], { DATABASE_URL: location.url });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('data: PostgreSQL postgres://');
    const token = run.stdout.trimEnd().split('\n').at(-1)!;
    const server = await startServer(resolveServerConfig({ port: '0' }, { DATABASE_URL: location.url }));
    running.push(server);
    const response = await fetch(`${server.url}/api/sync`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(aBatch(aFamilyOfRevisions())),
    });
    expect(SyncResponseSchema.parse(await response.json()).results.map((result) => result.status)).toEqual(['stored', 'stored', 'stored']);
  });

  it.each([
    ['without --scope', ['token', 'create', '--name', '测试'], '--scope'],
    ['without --name', ['token', 'create', '--scope', '新国村'], '--name'],
    ['with a scope it cannot read', ['token', 'create', '--name', '测试', '--scope', '新国'], '新国'],
    ['with an unknown option', ['token', 'create', '--name', '测试', '--scope', '新国村', '--admin'], '--admin'],
    ['without the create subcommand', ['token', '--name', '测试'], 'token create'],
  ])('exits 2 with a Chinese and English message %s', async (_case, args, mentions) => {
    const run = await fieldbook([...args, '--data', aDataFile()]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(mentions);
    expect(run.stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(run.stderr).toMatch(/error|bad arguments|unknown/);
  });
});
