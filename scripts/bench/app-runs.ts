/**
 * The figures measured in the built app in Chromium: seeding a profile with a synthetic data set,
 * the bulk-import comparison, a roster through the app's import screen, and one run over a seeded
 * profile (load, worker model, analysis, search, typing, heap). Each run starts a new browser on
 * the kept profile, so every load is cold.
 */
import type { Browser, Page } from 'playwright-core';
import type { DataSetSize } from '../synthetic/generate';
import { longestTaskSince, measureHeap, openFreshContext, openProfile, pageNow, runBenchWorker, type BenchWindow } from './browser';
import type { ImportRequest, ImportResult, ReadResult, SeedRequest, SeedResult } from './workers/protocol';

export interface Scale {
  label: 'phone' | 'office';
  size: DataSetSize;
  towns?: string[];
  profileDir: string;
}

export interface DataOptions {
  seed: string;
  reportDate: string;
}

const LONG_WAIT = 300_000;

/** Until the service worker controls the page, as after a first visit. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload();
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  }
}

async function waitForHomeFigures(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as BenchWindow).__bench.marks.figures !== undefined, null, { timeout: LONG_WAIT, polling: 50 });
}

/**
 * Fills a profile's database with the synthetic data set (raw IndexedDB in big transactions, in
 * a worker), then makes the first online visit: the app starts once and its service worker
 * installs, so later starts can be offline.
 */
export async function seedProfile(url: string, scale: Scale, data: DataOptions): Promise<SeedResult> {
  const seeding = await openProfile(scale.profileDir, { serviceWorkers: 'block' });
  let result: SeedResult;
  try {
    await seeding.page.goto(`${url}/bench/index.html`);
    result = await runBenchWorker<SeedRequest, SeedResult>(seeding.page, 'seed-worker', { seed: data.seed, size: scale.size, reportDate: data.reportDate, towns: scale.towns });
  } finally {
    await seeding.context.close();
  }
  const visit = await openProfile(scale.profileDir, { serviceWorkers: 'allow' });
  try {
    await visit.page.goto(url);
    await waitForServiceWorker(visit.page);
    await waitForHomeFigures(visit.page);
  } finally {
    await visit.context.close();
  }
  return result;
}

/** The import comparison in a fresh context; the page's longest task is noted while it runs. */
export async function runImportComparison(browser: Browser, url: string, request: ImportRequest): Promise<ImportResult & { longestTaskMs: number }> {
  const { context, page } = await openFreshContext(browser);
  try {
    await page.goto(`${url}/bench/index.html`);
    const since = await pageNow(page);
    const result = await runBenchWorker<ImportRequest, ImportResult>(page, 'import-worker', request);
    return { ...result, longestTaskMs: await longestTaskSince(page, since) };
  } finally {
    await context.close();
  }
}

export interface RosterImport {
  people: number;
  /** Choosing the file until the 确认导入 button shows (read, map, check every row). */
  planMs: number;
  /** The click until 导入完成. */
  writeMs: number;
  longestTaskMs: number;
}

/** A village roster (CSV) through the app's own 导入花名册 screen, on a phone holding nothing yet. */
export async function runRosterImport(browser: Browser, url: string, csvFile: string): Promise<RosterImport> {
  const { context, page } = await openFreshContext(browser);
  try {
    await page.goto(url);
    await page.waitForFunction(() => (window as BenchWindow).__bench.marks.figures !== undefined, null, { timeout: 60_000, polling: 50 });
    await page.evaluate(() => {
      location.hash = '#/import';
    });
    const input = page.locator('.import-screen input[type="file"]');
    await input.waitFor({ timeout: 30_000 });
    const since = await pageNow(page);
    await input.setInputFiles(csvFile);
    const accept = page.getByRole('button', { name: /导入 \d+ 人/ });
    await accept.waitFor({ timeout: 300_000 });
    const planned = await pageNow(page);
    await accept.click();
    const done = page.getByRole('heading', { name: '导入完成' });
    await done.waitFor({ timeout: 600_000 });
    const finished = await pageNow(page);
    const summary = (await page.locator('.import-screen [role="status"]').first().textContent()) ?? '';
    return { people: Number(/新增 (\d+) 人/.exec(summary)?.[1] ?? Number.NaN), planMs: planned - since, writeMs: finished - planned, longestTaskMs: await longestTaskSince(page, since) };
  } finally {
    await context.close();
  }
}

/** Every record read with raw IndexedDB in a worker of the profile's origin, in a browser of its own. */
export async function readProfileRaw(url: string, scale: Scale): Promise<ReadResult> {
  const { context, page } = await openProfile(scale.profileDir, { serviceWorkers: 'block' });
  try {
    await page.goto(`${url}/bench/index.html`);
    return await runBenchWorker<null, ReadResult>(page, 'read-worker', null);
  } finally {
    await context.close();
  }
}

/** Query sets for the search figure, by kind: all match the generated data set. */
export const SEARCH_QUERIES = {
  initials: ['wjg', 'hxy', 'lm', 'qjh', 'mh'],
  'name prefix': ['韦', '黄秀', '李建', '覃海', '莫'],
  'ID fragment': ['450221', '19850', '0315', '2731', '1990'],
  'phone fragment': ['1390', '13977', '5882', '1580', '7721'],
} as const;
export type SearchKind = keyof typeof SEARCH_QUERIES;

/** Typed one key at a time into the 人员 search box; each starts by replacing what is there. */
const PEOPLE_KEYSTROKES = ['wei', 'huangx', 'lij', '韦秀', '黄海', '1985', '0315', '13977'];
const SURVEY_KEYSTROKES = 'liuzhouzhiye';

export interface AppRun {
  startToCountsMs: number;
  startToFiguresMs: number;
  longestTaskLoadMs: number;
  model: { loadMs: number; analysisMs: number; people: number } | null;
  recomputeMs: number[];
  /** What the screens ask of the warm model: 疑点 summary, 目标进度 dashboard and the 待帮扶 count together. */
  answersMs: number[];
  longestTaskAnalysisMs: number;
  dashboardEdits: EditTimes | null;
  firstSearchMs: number;
  searchMs: Record<SearchKind, number[]>;
  peopleListMs: number | null;
  longestTaskPeopleListMs: number | null;
  keystrokeToResultsMs: number[];
  keystrokesWithoutChange: number;
  keystrokeToWriteMs: number[];
  heap: { page: number; workers: number };
}

export interface RunOptions {
  /** The office run also measures the screens and typing; the phone run only load, analysis and heap. */
  full: boolean;
  /** Share of the typing sequences to type (a quick run types fewer). */
  typing: 'all' | 'some';
  /** How long an edit may take to reach the 目标进度 screen before it counts as never shown. */
  screenWaitMs: number;
  searchRepeats: number;
  reportDate: string;
}

/** One cold start of the app on a seeded profile and everything measured in it. */
export async function runApp(url: string, scale: Scale, options: RunOptions): Promise<AppRun> {
  const { context, page } = await openProfile(scale.profileDir, { serviceWorkers: 'block' });
  try {
    await page.goto(url);
    await waitForHomeFigures(page);
    const marks = await page.evaluate(() => (window as BenchWindow).__bench.marks);
    const longestTaskLoadMs = await longestTaskSince(page, 0);
    const model = await page.evaluate(async () => {
      try {
        const stats = await (window as BenchWindow).__fieldbook.analysis.model.load();
        return { loadMs: stats.loadMs, analysisMs: stats.analysisMs, people: stats.people };
      } catch {
        return null;
      }
    });

    const analysisStarted = await pageNow(page);
    const recomputeMs = model ? await timeRecompute(page, 5) : [];
    const answersMs = model ? await timeAnswers(page, Number(options.reportDate.slice(0, 4)), 5) : [];
    const longestTaskAnalysisMs = await longestTaskSince(page, analysisStarted);

    const { first: firstSearchMs, byKind: searchMs } = await timeSearches(page, options.full ? options.searchRepeats : 1);
    const run: AppRun = {
      startToCountsMs: marks.counts ?? Number.NaN,
      startToFiguresMs: marks.figures ?? Number.NaN,
      longestTaskLoadMs,
      model,
      recomputeMs,
      answersMs,
      longestTaskAnalysisMs,
      dashboardEdits: null,
      firstSearchMs,
      searchMs,
      peopleListMs: null,
      longestTaskPeopleListMs: null,
      keystrokeToResultsMs: [],
      keystrokesWithoutChange: 0,
      keystrokeToWriteMs: [],
      heap: { page: 0, workers: 0 },
    };
    if (options.full) {
      if (model) run.dashboardEdits = await timeEditToDashboard(page, options.reportDate, 3, options.screenWaitMs);
      const listStarted = await pageNow(page);
      run.peopleListMs = await openPeopleList(page);
      run.longestTaskPeopleListMs = await longestTaskSince(page, listStarted);
      const typing = await typeIntoPeopleSearch(page, options.typing === 'all' ? PEOPLE_KEYSTROKES : PEOPLE_KEYSTROKES.slice(0, 4));
      run.keystrokeToResultsMs = typing.samples;
      run.keystrokesWithoutChange = typing.withoutChange;
      run.keystrokeToWriteMs = await typeIntoSurvey(page, options.typing === 'all' ? SURVEY_KEYSTROKES : SURVEY_KEYSTROKES.slice(0, 6));
    }
    run.heap = await measureHeap(context, page);
    return run;
  } finally {
    await context.close();
  }
}

function timeRecompute(page: Page, times: number): Promise<number[]> {
  return page.evaluate(async (times) => {
    const { analysis } = (window as BenchWindow).__fieldbook;
    const samples: number[] = [];
    for (let index = 0; index < times; index++) {
      const started = performance.now();
      await analysis.model.recompute();
      samples.push(performance.now() - started);
    }
    return samples;
  }, times);
}

function timeAnswers(page: Page, year: number, times: number): Promise<number[]> {
  return page.evaluate(
    async ({ year, times }) => {
      const { analysis } = (window as BenchWindow).__fieldbook;
      const samples: number[] = [];
      for (let index = 0; index < times; index++) {
        const started = performance.now();
        await Promise.all([analysis.findings.summary(), analysis.progress.dashboard(year), analysis.services.owed({}, 0)]);
        samples.push(performance.now() - started);
      }
      return samples;
    },
    { year, times },
  );
}

function timeSearches(page: Page, repeats: number): Promise<{ first: number; byKind: Record<SearchKind, number[]> }> {
  return page.evaluate(
    async ({ queries, repeats }) => {
      const { analysis } = (window as BenchWindow).__fieldbook;
      const time = async (query: string) => {
        const started = performance.now();
        await analysis.search.people(query, 50);
        return performance.now() - started;
      };
      // The first question loads (or builds) the search index: timed apart.
      const first = await time('zz');
      const byKind = Object.fromEntries(Object.keys(queries).map((kind) => [kind, [] as number[]]));
      for (let round = 0; round < repeats; round++) {
        for (const [kind, list] of Object.entries(queries)) for (const query of list) byKind[kind]!.push(await time(query));
      }
      return { first, byKind: byKind as Record<SearchKind, number[]> };
    },
    { queries: SEARCH_QUERIES, repeats },
  );
}

export interface EditTimes {
  /** To the frame after the 「全部」 card shows the new count; the wait where it never did. */
  screen: number[];
  /** Edits the screen did not show within the wait. */
  stale: number;
  /** To the first progress.dashboard() answer that includes the edit, asked again and again. */
  api: number[];
}

/**
 * One edit → dashboard updated, on the 目标进度 screen: a person set to 外出务工 in a Dexie
 * transaction on the page (as the app writes; the UI forwards every change to the worker and the
 * screen asks again). Timed both to the screen and to the worker's own answer.
 */
async function timeEditToDashboard(page: Page, reportDate: string, edits: number, waitMs: number): Promise<EditTimes | null> {
  await page.evaluate(() => {
    location.hash = '#/progress';
  });
  try {
    await page.locator('.unit-button').first().waitFor({ timeout: 60_000 });
  } catch {
    return null;
  }
  return page.evaluate(
    async ({ reportDate, edits, wait }) => {
      const { analysis, db } = (window as BenchWindow).__fieldbook;
      const year = Number(reportDate.slice(0, 4));
      const card = () => document.querySelector('.unit-button')?.textContent ?? '';
      const idle = (await db.people.limit(3000).toArray()).filter((person) => person.surveyedAt && person.workStatus === '在家务农');
      const times = { screen: [] as number[], stale: 0, api: [] as number[] };
      const edit = (id: string) =>
        db.people.update(id, {
          workStatus: '外出务工',
          employmentRegion: { set: 'guangxi', value: '广东' },
          monthsEmployedThisYear: 1,
          employedSince: reportDate,
          updatedAt: new Date().toISOString(),
        });
      // The screen alone first, then the worker's answers: asking the worker again and again
      // would slow the screen's own question down.
      for (const person of idle.slice(0, edits)) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        const before = card();
        let observer: MutationObserver | undefined;
        const shown = new Promise<number | null>((resolve) => {
          observer = new MutationObserver(() => {
            if (card() === before) return;
            observer?.disconnect();
            requestAnimationFrame(() => resolve(performance.now()));
          });
          observer.observe(document.querySelector('section.screen')!, { childList: true, subtree: true, characterData: true });
          setTimeout(() => resolve(null), wait);
        });
        const started = performance.now();
        await edit(person.id);
        const at = await shown;
        observer?.disconnect();
        if (at === null) times.stale++;
        times.screen.push(at === null ? wait : at - started);
      }
      for (const person of idle.slice(edits, 2 * edits)) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        const before = JSON.stringify((await analysis.progress.dashboard(year)).overall);
        const started = performance.now();
        await edit(person.id);
        while (JSON.stringify((await analysis.progress.dashboard(year)).overall) === before) {
          if (performance.now() - started > 20_000) throw new Error('progress.dashboard() did not include an edit within 20 s');
        }
        times.api.push(performance.now() - started);
      }
      return times;
    },
    { reportDate, edits, wait: waitMs },
  );
}

/** Opens 人员 and waits until everyone is listed; returns the time from the click to that frame. */
function openPeopleList(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        const isListed = () => document.querySelector('.people-screen .result-count')?.textContent?.startsWith('共') ?? false;
        const observer = new MutationObserver(() => {
          if (!isListed()) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - started));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        setTimeout(() => reject(new Error('人员 did not list everyone within 120 s')), 120_000);
        location.hash = '#/people';
      }),
  );
}

/** Types one key, then waits until `count` grows (or two seconds pass) and a little more, so keys never queue. */
async function typeAndWait(page: Page, key: string, count: () => Promise<number>): Promise<void> {
  const before = await count();
  await page.keyboard.type(key);
  const deadline = Date.now() + 2_000;
  while ((await count()) === before && Date.now() < deadline) await page.waitForTimeout(5);
  await page.waitForTimeout(50);
}

/**
 * Keystroke → results on screen: from the key's event time to the animation frame after the list
 * or the count changed, or, when the answer changed nothing on screen (the same first rows), to
 * the second frame after the worker's answer arrived. Each key waits for its answer (or a second)
 * before the next, so keys do not queue.
 */
async function typeIntoPeopleSearch(page: Page, sequences: readonly string[]): Promise<{ samples: number[]; withoutChange: number }> {
  // The first letter turns 「共 N 人」 into 「找到 …」 before any answer: typed before timing starts.
  const input = page.locator('.people-screen input[type="search"]');
  await input.click();
  await page.keyboard.type('z');
  await page.waitForFunction(() => document.querySelector('.people-screen .result-count')?.textContent?.startsWith('找到') ?? false);
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('.people-screen input[type="search"]')!;
    const state = { pending: null as number | null, lastKeydown: -1_000, samples: [] as number[], unchanged: 0 };
    (window as unknown as { __keys: typeof state }).__keys = state;
    const finish = (changed: boolean) => {
      if (state.pending === null) return;
      const started = state.pending;
      state.pending = null;
      if (!changed) state.unchanged++;
      requestAnimationFrame(() => state.samples.push(performance.now() - started));
    };
    const start = (at: number) => {
      state.pending = at;
      let answered = false;
      const onAnswer = () => {
        if (answered) return;
        answered = true;
        (window as BenchWindow).__bench.onAnalysisMessage.delete(onAnswer);
        requestAnimationFrame(() => requestAnimationFrame(() => {
          if (state.pending === at) finish(false);
        }));
      };
      (window as BenchWindow).__bench.onAnalysisMessage.add(onAnswer);
    };
    input.addEventListener(
      'keydown',
      (event) => {
        if (event.ctrlKey || event.metaKey || event.key.length !== 1) return;
        state.lastKeydown = event.timeStamp;
        start(event.timeStamp);
      },
      true,
    );
    // A Han character arrives as text input without a key event.
    input.addEventListener('input', (event) => {
      if (event.timeStamp - state.lastKeydown > 50) start(event.timeStamp);
    });
    new MutationObserver(() => finish(true)).observe(document.querySelector('.people-screen')!, { childList: true, subtree: true, characterData: true });
  });
  const sampleCount = () => page.evaluate(() => (window as unknown as { __keys: { samples: number[] } }).__keys.samples.length);
  for (const sequence of sequences) {
    await page.keyboard.press('Control+A');
    for (const character of sequence) await typeAndWait(page, character, sampleCount);
  }
  const { samples, unchanged } = await page.evaluate(() => (window as unknown as { __keys: { samples: number[]; unchanged: number } }).__keys);
  return { samples, withoutChange: unchanged };
}

/**
 * Keystroke → committed write in the survey form, which saves every change at once: from the
 * key's event time to Dexie's `storagemutated` notice for the people table, which Dexie sends when
 * the IndexedDB transaction completes. The i-th key pairs with the i-th commit after it.
 */
async function typeIntoSurvey(page: Page, typed: string): Promise<number[]> {
  const personId = await page.evaluate(async () => (await (window as BenchWindow).__fieldbook.db.people.offset(1234).first())?.id ?? '');
  await page.evaluate((id) => {
    location.hash = `#/people/${id}`;
  }, personId);
  const field = page.getByLabel('毕业院校及专业', { exact: true });
  await field.waitFor({ timeout: 60_000 });
  await page.evaluate(() => {
    const state = { keys: [] as number[], commits: [] as number[] };
    (window as unknown as { __typing: typeof state }).__typing = state;
    document.addEventListener('keydown', (event) => state.keys.push(event.timeStamp), true);
    const Dexie = (window as BenchWindow).__fieldbook.db.constructor as unknown as { on(event: 'storagemutated', listener: (parts: Record<string, unknown>) => void): void };
    Dexie.on('storagemutated', (parts) => {
      if (Object.keys(parts).some((key) => key.split('/')[3] === 'people')) state.commits.push(performance.now());
    });
  });
  const commitCount = () => page.evaluate(() => (window as unknown as { __typing: { commits: number[] } }).__typing.commits.length);
  await field.click();
  for (const character of typed) await typeAndWait(page, character, commitCount);
  const { keys, commits } = await page.evaluate(() => (window as unknown as { __typing: { keys: number[]; commits: number[] } }).__typing);
  const samples: number[] = [];
  let next = 0;
  for (const key of keys) {
    while (next < commits.length && commits[next]! < key) next++;
    if (next === commits.length) break;
    samples.push(commits[next]! - key);
    next++;
  }
  return samples;
}
