/**
 * Where the time goes in the figures that miss their goal: CPU profiles of the page and of the
 * analysis worker through CDP (Profiler), and a Chromium trace (Tracing) of typing in the survey,
 * over a seeded profile. Prints the functions with the most self time per scenario and writes
 * the .cpuprofile and trace files to $TMPDIR/fieldbook-profiles/ (open them in DevTools). The app
 * is built unminified so that the names mean something, unless --dist gives a build.
 *
 *   npx tsx scripts/bench/profile.ts [--dist DIR] [--people 100000]
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { resolveServerConfig } from '../../server/config';
import { startServer } from '../../server/serve';
import { formatLocalDate } from '../../src/domain/dates';
import { seedProfile, SEARCH_QUERIES, type Scale } from './app-runs';
import { generateRosterCsv } from '../synthetic/roster';
import { launchBrowser, openFreshContext, openProfile, type BenchWindow } from './browser';
import { buildApp, buildBenchWorkers } from './build';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

const OUT = join(tmpdir(), 'fieldbook-profiles');

/** Self time per function (ms), most first. */
function summarize(profile: CpuProfile, top = 12): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, index) => {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[index] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((sum, value) => sum + value, 0);
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => `    ${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / total).toFixed(0).padStart(3)} %  ${name}`)
    .join('\n');
}

/** CDP on the page and, through it, on the analysis worker (attached before it runs). */
class Profilers {
  private workerSession: string | null = null;
  private nextId = 1;
  private readonly replies = new Map<number, (value: unknown) => void>();

  private constructor(private readonly session: CDPSession) {
    session.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
      const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
      if (reply.id !== undefined) this.replies.get(reply.id)?.(reply.result ?? reply.error);
    });
  }

  static async attach(session: CDPSession): Promise<Profilers> {
    const profilers = new Profilers(session);
    session.on('Target.attachedToTarget', (event: { sessionId: string; targetInfo: { type: string; url: string } }) => {
      if (event.targetInfo.type !== 'worker') return;
      if (!event.targetInfo.url.includes('analysis.worker')) {
        void profilers.toWorker(event.sessionId, 'Runtime.runIfWaitingForDebugger');
        return;
      }
      profilers.workerSession = event.sessionId;
      void (async () => {
        await profilers.toWorker(event.sessionId, 'Profiler.enable');
        await profilers.toWorker(event.sessionId, 'Profiler.start');
        await profilers.toWorker(event.sessionId, 'Runtime.runIfWaitingForDebugger');
      })();
    });
    await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
    await session.send('Profiler.enable');
    return profilers;
  }

  private toWorker(sessionId: string, method: string): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.replies.set(id, resolve);
      void this.session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
  }

  async start(): Promise<void> {
    await this.session.send('Profiler.start');
    if (this.workerSession) await this.toWorker(this.workerSession, 'Profiler.start');
  }

  async stop(name: string): Promise<void> {
    const page = (await this.session.send('Profiler.stop')).profile as CpuProfile;
    const worker = this.workerSession ? ((await this.toWorker(this.workerSession, 'Profiler.stop')) as { profile?: CpuProfile }).profile : undefined;
    writeFileSync(join(OUT, `${name}.page.cpuprofile`), JSON.stringify(page));
    console.log(`\n${name}: page main thread\n${summarize(page)}`);
    if (worker) {
      writeFileSync(join(OUT, `${name}.worker.cpuprofile`), JSON.stringify(worker));
      console.log(`${name}: analysis worker\n${summarize(worker)}`);
    }
  }
}

/** A Chromium trace of `work`, summed by event name per thread, and written to a file. */
async function trace(page: Page, name: string, work: () => Promise<void>): Promise<void> {
  // Tracing through the page's own session, as DevTools' Performance panel does.
  const tracing = await page.context().newCDPSession(page);
  type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: { name?: string; data?: { url?: string; functionName?: string } } };
  const events: TraceEvent[] = [];
  tracing.on('Tracing.dataCollected', (event) => events.push(...(event.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => tracing.once('Tracing.tracingComplete', () => resolve()));
  await tracing.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'v8.execute', 'blink', 'IndexedDB', 'disabled-by-default-devtools.timeline', 'toplevel'] },
  });
  await work();
  await tracing.send('Tracing.end');
  await done;
  writeFileSync(join(OUT, `${name}.trace.json`), JSON.stringify({ traceEvents: events }));
  const threads = new Map<string, string>();
  for (const event of events) if (event.ph === 'M' && event.name === 'thread_name') threads.set(`${event.pid}:${event.tid}`, event.args?.name ?? '');
  const totals = new Map<string, number>();
  for (const event of events) {
    if (event.ph !== 'X' || !event.dur) continue;
    const key = `${threads.get(`${event.pid}:${event.tid}`) ?? event.tid} · ${event.name}`;
    totals.set(key, (totals.get(key) ?? 0) + event.dur / 1000);
  }
  console.log(`\n${name}: trace, complete events by thread (inclusive ms, nested events counted again)`);
  for (const [key, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${key}`);
  // Each long task of the page's main thread, with the biggest events inside it.
  const main = [...threads].find(([, thread]) => thread === 'CrRendererMain')?.[0];
  const onMain = events.filter((event) => event.ph === 'X' && event.dur && `${event.pid}:${event.tid}` === main);
  const longTasks = onMain.filter((event) => event.name === 'RunTask' && event.dur! > 50_000);
  if (longTasks.length > 0) console.log(`${name}: long tasks on the page's main thread`);
  for (const task of longTasks) {
    const inside = onMain
      .filter((event) => event !== task && event.ts >= task.ts && event.ts + event.dur! <= task.ts + task.dur! && event.name !== 'ThreadControllerImpl::RunTask')
      .sort((a, b) => b.dur! - a.dur!)
      .slice(0, 6)
      .map((event) => `${event.name}${event.args?.data?.url ? ` ${event.args.data.url.split('/').pop()}` : ''}${event.args?.data?.functionName ? ` ${event.args.data.functionName}` : ''} ${(event.dur! / 1000).toFixed(0)}`);
    console.log(`    ${(task.dur! / 1000).toFixed(0).padStart(6)} ms: ${inside.join(' · ')}`);
  }
  await tracing.detach();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const distArg = args.includes('--dist') ? args[args.indexOf('--dist') + 1] : undefined;
  const people = Number(args.includes('--people') ? args[args.indexOf('--people') + 1] : 100_000);
  const workDir = mkdtempSync(join(tmpdir(), 'fieldbook-profile-'));
  const distDir = join(workDir, 'dist');
  mkdirSync(OUT, { recursive: true });
  if (distArg) cpSync(distArg, distDir, { recursive: true });
  else await buildApp(distDir, { readable: true });
  await buildBenchWorkers(join(distDir, 'bench'), { readable: true });
  const server = await startServer(resolveServerConfig({ port: '0', static: distDir, data: join(workDir, 'receiver.db') }, {}));
  const reportDate = formatLocalDate(new Date());
  const scale: Scale = { label: 'office', size: { households: Math.round(people * 0.3), people, events: people * 5 }, profileDir: join(workDir, 'profile') };
  try {
    console.error(`seeding ${people} people`);
    await seedProfile(server.url, scale, { seed: 'fieldbook-bench', reportDate });
    const { context, page } = await openProfile(scale.profileDir, { serviceWorkers: 'block' });
    const session = await context.newCDPSession(page);
    const profilers = await Profilers.attach(session);
    await session.send('Profiler.start');
    await trace(page, 'start', async () => {
      await page.goto(server.url);
      await page.waitForFunction(() => (window as BenchWindow).__bench.marks.figures !== undefined, null, { timeout: 300_000 });
    });
    await profilers.stop('start');

    await profilers.start();
    await page.evaluate(async () => {
      for (let round = 0; round < 3; round++) await (window as BenchWindow).__fieldbook.analysis.model.recompute();
    });
    await profilers.stop('recompute');

    await profilers.start();
    await page.evaluate(async (reportDate) => {
      const { analysis, db } = (window as BenchWindow).__fieldbook;
      const year = Number(reportDate.slice(0, 4));
      const idle = (await db.people.limit(3000).toArray()).filter((person) => person.workStatus === '在家务农');
      for (const person of idle.slice(0, 3)) {
        const before = JSON.stringify(await analysis.progress.dashboard(year));
        await db.people.update(person.id, { workStatus: '外出务工', employmentRegion: { set: 'guangxi', value: '广东' }, monthsEmployedThisYear: 1, employedSince: reportDate });
        while (JSON.stringify(await analysis.progress.dashboard(year)) === before);
      }
    }, reportDate);
    await profilers.stop('edit-to-dashboard');

    await profilers.start();
    await page.evaluate(async (queries) => {
      const { analysis } = (window as BenchWindow).__fieldbook;
      await analysis.search.people('zz', 50);
      for (let round = 0; round < 3; round++) for (const list of Object.values(queries)) for (const query of list) await analysis.search.people(query, 50);
    }, SEARCH_QUERIES);
    await profilers.stop('search');

    await profilers.start();
    await trace(page, 'people-list', async () => {
      await page.evaluate(() => {
        location.hash = '#/people';
      });
      await page.waitForFunction(() => document.querySelector('.people-screen .result-count')?.textContent?.startsWith('共') ?? false, null, { timeout: 120_000 });
    });
    await profilers.stop('people-list');

    const personId = await page.evaluate(async () => (await (window as BenchWindow).__fieldbook.db.people.offset(1234).first())?.id ?? '');
    await page.evaluate((id) => {
      location.hash = `#/people/${id}`;
    }, personId);
    const field = page.getByLabel('毕业院校及专业', { exact: true });
    await field.waitFor();
    await field.click();
    await profilers.start();
    await trace(page, 'survey-typing', async () => {
      for (const character of 'liuzhou') {
        await page.keyboard.type(character);
        await page.waitForTimeout(150);
      }
    });
    await profilers.stop('survey-typing');
    await context.close();

    // A cold start offline, the page's CPU slowed 4× as in the bench.
    const offline = await openProfile(scale.profileDir, { serviceWorkers: 'allow', offline: true });
    const offlineSession = await offline.context.newCDPSession(offline.page);
    const offlineProfilers = await Profilers.attach(offlineSession);
    await offlineSession.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await offlineSession.send('Profiler.start');
    await trace(offline.page, 'cold-start', async () => {
      await offline.page.goto(server.url);
      await offline.page.waitForFunction(() => (window as BenchWindow).__bench.marks.counts !== undefined, null, { timeout: 120_000, polling: 50 });
    });
    console.log(`cold start marks: ${JSON.stringify(await offline.page.evaluate(() => (window as BenchWindow).__bench.marks))}`);
    await offlineProfilers.stop('cold-start');
    await offline.context.close();

    // A 3,000-person roster through 导入花名册 on an empty phone.
    const roster = join(workDir, 'roster.csv');
    writeFileSync(roster, [...generateRosterCsv({ seed: 'fieldbook-bench', size: { households: 1_000, people: 3_000, events: 0 }, reportDate, towns: ['百朋镇'] })].join(''));
    const browser = await launchBrowser();
    const fresh = await openFreshContext(browser);
    await fresh.page.goto(server.url);
    await fresh.page.evaluate(() => {
      location.hash = '#/import';
    });
    const input = fresh.page.locator('.import-screen input[type="file"]');
    await input.waitFor();
    const importSession = await fresh.context.newCDPSession(fresh.page);
    await importSession.send('Profiler.enable');
    await importSession.send('Profiler.start');
    await trace(fresh.page, 'roster-import', async () => {
      await input.setInputFiles(roster);
      await fresh.page.getByRole('button', { name: /导入 \d+ 人/ }).click({ timeout: 120_000 });
      await fresh.page.getByRole('heading', { name: '导入完成' }).waitFor({ timeout: 300_000 });
    });
    const importProfile = (await importSession.send('Profiler.stop')).profile as CpuProfile;
    writeFileSync(join(OUT, 'roster-import.page.cpuprofile'), JSON.stringify(importProfile));
    console.log(`\nroster-import: page main thread\n${summarize(importProfile)}`);
    await browser.close();
  } finally {
    await server.close();
    rmSync(workDir, { recursive: true, force: true });
  }
  console.log(`\nprofiles written to ${OUT}/`);
}

await main();
