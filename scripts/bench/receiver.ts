/**
 * The receiver's figures, measured in Node: ingest on SQLite and PostgreSQL (DATABASE_URL, or a
 * throwaway server where Debian's postgresql is installed), a replay of the same batches, and a
 * phone's outbox drained to the receiver over loopback by the app's own sync client on
 * fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/config';
import { openSqliteStore } from '../../server/store/sqlite';
import type { Store } from '../../server/store/store';
import { openDatabase, type OutboxEntry } from '../../src/db/database';
import { formatHlc } from '../../src/domain/hlc';
import { HouseholdSchema } from '../../src/domain/household';
import type { Revision } from '../../src/domain/revision';
import { drainOutbox } from '../../src/sync/sync-client';
import { saveSyncSettings } from '../../src/sync/sync-state';
import { startThrowawayPostgres } from '../../tests/server/postgres';
import { measured, notMeasured, type Figure } from './figures';

const BATCH = 200;
const ALL = { level: 'all', name: '全部' } as const;

function someRevisions(count: number, device: string): Revision[] {
  const stamp = '2026-05-01T08:00:00.000Z';
  return Array.from({ length: count }, (_, index) => {
    const household = HouseholdSchema.parse({ id: `${device}-h${index}`, village: '新国村', township: '融水镇', county: '融水县', head: `户主${index}`, createdAt: stamp, updatedAt: stamp });
    return { rev: `${device}-r${index}`, parent: null, kind: 'household' as const, id: household.id, hlc: formatHlc({ wallMs: 1_777_000_000_000 + index, counter: 0 }, device), device, deleted: false, data: { ...household } };
  });
}

async function measureIngest(openStore: () => Promise<Store>, label: string, revisions: number, runs: number): Promise<Figure[]> {
  const rates: number[] = [];
  const replays: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const store = await openStore();
    const batches = someRevisions(revisions, `bench-${run}-${Date.now()}`);
    const started = performance.now();
    for (let offset = 0; offset < batches.length; offset += BATCH) await store.storeRevisions(batches.slice(offset, offset + BATCH), ALL);
    rates.push(revisions / ((performance.now() - started) / 1000));
    let inserted = 0;
    for (let offset = 0; offset < batches.length; offset += BATCH) {
      inserted += (await store.storeRevisions(batches.slice(offset, offset + BATCH), ALL)).filter((result) => result.status === 'stored').length;
    }
    replays.push(inserted);
    await store.close();
  }
  const size = `${revisions.toLocaleString('en')} revisions in batches of ${BATCH}`;
  return [
    measured({ figure: `receiver ingest, ${label}`, unit: 'revisions/s', values: rates, goal: { text: '≥ 5,000', limit: 5000, at: 'least' }, note: size }),
    measured({ figure: `replay of the same batches, ${label}`, unit: 'inserted', values: replays, goal: { text: '0', limit: 0, at: 'most' } }),
  ];
}

/**
 * The receiver in a process of its own, as `fieldbook serve` runs it: a phone and the township's
 * receiver are different machines, so they do not share this process's thread.
 */
async function startReceiverProcess(dataFile: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/fieldbook.js'), 'serve', '--port', '0', '--data', dataFile], {
    env: { ...process.env, FIELDBOOK_RATE_BURST: '100000', FIELDBOOK_RATE_PER_MINUTE: '100000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (\S+)/.exec(output);
      if (found) resolve(found[1]!);
    });
    child.on('exit', (code) => reject(new Error(`fieldbook serve exited (${code}) before listening: ${output}`)));
  });
  // Drain its request log so the pipe never fills.
  child.stdout.resume();
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function measurePhoneToReceiver(revisions: number, runs: number): Promise<Figure> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-'));
    const dataFile = join(dataDir, 'fieldbook.db');
    const store = openSqliteStore(dataFile);
    const token = await store.createToken('bench', ALL);
    await store.close();
    const server = await startReceiverProcess(dataFile);
    const db = openDatabase(`bench-phone-${run}-${Date.now()}`);
    const entries: OutboxEntry[] = someRevisions(revisions, `phone-${run}`).map((revision) => ({ ...revision, state: 'pending' }));
    await db.outbox.bulkAdd(entries);
    await saveSyncSettings(db, { endpoint: `${server.url}/api/sync`, token });
    const started = performance.now();
    const result = await drainOutbox(db);
    times.push((performance.now() - started) / 1000);
    if (result.status !== 'synced' || (await db.outbox.count()) !== 0) throw new Error(`drain did not finish: ${JSON.stringify(result)}`);
    db.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const scope = 'the app\'s sync client on fake-indexeddb in this process, the receiver (`fieldbook serve`, SQLite) in a process of its own';
  return measured({
    figure: `${revisions.toLocaleString('en')} revisions phone → receiver, loopback (Node client)`,
    unit: 's',
    values: times,
    goal: revisions === 10_000 ? { text: '≤ 3', limit: 3, at: 'most' } : undefined,
    note: revisions === 10_000 ? scope : `${scope}; quick run: fewer revisions than the goal is set for, so not judged`,
  });
}

/** DATABASE_URL, or else a throwaway server from Debian's postgresql as the store tests start one. */
async function findPostgres(): Promise<{ url: string; note: string; stop(): Promise<void> } | { unavailable: string }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, note: '', stop: async () => {} };
  try {
    const server = await startThrowawayPostgres();
    return { url: server.url, note: 'a throwaway cluster as the store tests start (fsync and synchronous_commit off)', stop: () => server.stop() };
  } catch (error) {
    return { unavailable: `no DATABASE_URL and no throwaway PostgreSQL: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export async function measureReceiver(options: { revisions: number; runs: number }): Promise<Figure[]> {
  // The receiver logs each request with console.log; a few hundred lines would bury the table.
  const log = console.log;
  console.log = () => {};
  try {
    return await measureAll(options);
  } finally {
    console.log = log;
  }
}

async function measureAll(options: { revisions: number; runs: number }): Promise<Figure[]> {
  const figures: Figure[] = [];
  const sqliteDirs: string[] = [];
  const openSqlite = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-'));
    sqliteDirs.push(dir);
    return openSqliteStore(join(dir, 'fieldbook.db'));
  };
  try {
    figures.push(...(await measureIngest(openSqlite, 'SQLite', options.revisions, options.runs)));
  } finally {
    for (const dir of sqliteDirs) rmSync(dir, { recursive: true, force: true });
  }
  const postgres = await findPostgres();
  if ('url' in postgres) {
    try {
      const { openPostgresStore } = await import('../../server/store/postgres');
      const measuredOnPostgres = await measureIngest(async () => openPostgresStore(postgres.url), 'PostgreSQL', options.revisions, options.runs);
      if (postgres.note) for (const figure of measuredOnPostgres) figure.note = [figure.note, postgres.note].filter(Boolean).join('; ');
      figures.push(...measuredOnPostgres);
    } finally {
      await postgres.stop();
    }
  } else {
    figures.push(notMeasured('receiver ingest, PostgreSQL', '≥ 5,000', postgres.unavailable));
  }
  figures.push(await measurePhoneToReceiver(options.revisions, options.runs));
  return figures;
}
