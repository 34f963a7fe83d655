/**
 * `npm run bench`: the performance figures, each the median of several runs with min and max,
 * printed as one table and written to bench/results.json. `-- --quick` for a smoke run.
 *
 * Figures so far (issue 6): receiver ingest on SQLite (and PostgreSQL when DATABASE_URL is set),
 * a replay of the same batches, and 10,000 revisions from a phone's outbox to the receiver over
 * loopback. The phone side runs the app's own sync client on fake-indexeddb in Node; the
 * browser figures of the benchmark issue are still to come.
 */
import 'fake-indexeddb/auto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveServerConfig } from '../server/config';
import { startServer } from '../server/serve';
import { openSqliteStore } from '../server/store/sqlite';
import type { Store } from '../server/store/store';
import { openDatabase, type OutboxEntry } from '../src/db/database';
import { HouseholdSchema } from '../src/domain/household';
import { formatHlc } from '../src/domain/hlc';
import type { Revision } from '../src/domain/revision';
import { drainOutbox } from '../src/sync/sync-client';
import { saveSyncSettings } from '../src/sync/sync-state';

const quick = process.argv.includes('--quick');
const RUNS = 5;
const REVISIONS = quick ? 2000 : 10_000;
const BATCH = 200;
const ALL = { level: 'all', name: '全部' } as const;

interface Figure {
  figure: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  goal: string;
  anchor: string;
}

function summarize(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)! };
}

function someRevisions(count: number, device: string): Revision[] {
  const stamp = '2026-05-01T08:00:00.000Z';
  return Array.from({ length: count }, (_, index) => {
    const household = HouseholdSchema.parse({ id: `${device}-h${index}`, village: '新国村', township: '融水镇', county: '融水县', head: `户主${index}`, createdAt: stamp, updatedAt: stamp });
    return { rev: `${device}-r${index}`, parent: null, kind: 'household' as const, id: household.id, hlc: formatHlc({ wallMs: 1_777_000_000_000 + index, counter: 0 }, device), device, deleted: false, data: { ...household } };
  });
}

async function measureIngest(openStore: () => Promise<Store>, label: string): Promise<Figure[]> {
  const rates: number[] = [];
  const replays: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const store = await openStore();
    const revisions = someRevisions(REVISIONS, `bench-${run}`);
    const started = performance.now();
    for (let offset = 0; offset < revisions.length; offset += BATCH) await store.storeRevisions(revisions.slice(offset, offset + BATCH), ALL);
    rates.push(REVISIONS / ((performance.now() - started) / 1000));
    let inserted = 0;
    for (let offset = 0; offset < revisions.length; offset += BATCH) {
      inserted += (await store.storeRevisions(revisions.slice(offset, offset + BATCH), ALL)).filter((result) => result.status === 'stored').length;
    }
    replays.push(inserted);
    await store.close();
  }
  return [
    { figure: `receiver ingest, ${label}`, unit: 'revisions/s', ...summarize(rates), goal: '≥ 5,000', anchor: '' },
    { figure: `replay of the same batches, ${label}`, unit: 'inserted', ...summarize(replays), goal: '0', anchor: '' },
  ];
}

async function measurePhoneToReceiver(): Promise<Figure> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-'));
    const server = await startServer(resolveServerConfig({ port: '0', data: join(dataDir, 'fieldbook.db') }, { FIELDBOOK_RATE_BURST: '100000', FIELDBOOK_RATE_PER_MINUTE: '100000' }));
    const store = openSqliteStore(join(dataDir, 'fieldbook.db'));
    const token = await store.createToken('bench', ALL);
    await store.close();
    const db = openDatabase(`bench-phone-${run}-${Date.now()}`);
    const entries: OutboxEntry[] = someRevisions(REVISIONS, `phone-${run}`).map((revision) => ({ ...revision, state: 'pending' }));
    await db.outbox.bulkAdd(entries);
    await saveSyncSettings(db, { endpoint: `${server.url}/api/sync`, token });
    const started = performance.now();
    const result = await drainOutbox(db);
    times.push((performance.now() - started) / 1000);
    if (result.status !== 'synced' || (await db.outbox.count()) !== 0) throw new Error(`drain did not finish: ${JSON.stringify(result)}`);
    db.close();
    await server.close();
  }
  return { figure: `${REVISIONS.toLocaleString('en')} revisions phone → receiver, loopback (Node client)`, unit: 's', ...summarize(times), goal: '≤ 3', anchor: '' };
}

const figures: Figure[] = [];
figures.push(...(await measureIngest(async () => openSqliteStore(join(mkdtempSync(join(tmpdir(), 'fieldbook-bench-')), 'fieldbook.db')), 'SQLite')));
if (process.env.DATABASE_URL) {
  const { openPostgresStore } = await import('../server/store/postgres');
  figures.push(...(await measureIngest(async () => openPostgresStore(process.env.DATABASE_URL!), 'PostgreSQL')));
} else {
  console.log('PostgreSQL ingest not measured: set DATABASE_URL to a server to include it.');
}
figures.push(await measurePhoneToReceiver());

const format = (value: number) => (value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(2));
console.log(`\nFieldbook benchmarks (${quick ? 'quick' : 'full'}; median of ${RUNS} runs, min–max)\n`);
console.log(['figure'.padEnd(62), 'median'.padStart(12), 'min–max'.padStart(22), 'goal'.padStart(10)].join(' '));
for (const figure of figures) {
  console.log([figure.figure.padEnd(62), `${format(figure.median)} ${figure.unit}`.padStart(12), `${format(figure.min)}–${format(figure.max)}`.padStart(22), figure.goal.padStart(10)].join(' '));
}
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', JSON.stringify({ measuredAt: new Date().toISOString(), quick, runs: RUNS, figures }, null, 2));
console.log('\nwritten to bench/results.json');
