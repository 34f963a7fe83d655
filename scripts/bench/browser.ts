/**
 * Debian Chromium for the browser figures: phone-sized contexts on a kept profile (the data a
 * phone or an office holds survives between launches, as on a real device), scripts that note
 * when the home screen becomes usable and every long task, and CDP for heap sizes.
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import type { FieldbookDatabase } from '../../src/db/database';
import type { AnalysisApi } from '../../workers/client';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import type { WorkerReply } from './workers/protocol';

export const PHONE_VIEWPORT = { width: 360, height: 740 };
const PHONE = { viewport: PHONE_VIEWPORT, locale: 'zh-CN', deviceScaleFactor: 2, isMobile: true, hasTouch: true } as const;

/** What the bench keeps on `window` in the pages it drives. */
export interface BenchGlobals {
  __bench: {
    /** performance.now() when the home screen first showed its shell, its counts, all its figures. */
    marks: Partial<Record<'shell' | 'counts' | 'figures', number>>;
    longTasks: { start: number; duration: number }[];
    /** Called with performance.now() whenever the app's analysis worker answers. */
    onAnalysisMessage: Set<(at: number) => void>;
  };
  __fieldbook: { analysis: AnalysisApi; db: FieldbookDatabase };
}
export type BenchWindow = Window & typeof globalThis & BenchGlobals;

// tsx compiles with esbuild's keepNames, which wraps functions in __name(); page.evaluate ships
// their text to the page, where __name must exist.
const KEEP_NAMES_SHIM = 'globalThis.__name = (fn) => fn;';

/** Runs in every page before its own scripts. */
function watchPage(): void {
  const bench: BenchGlobals['__bench'] = { marks: {}, longTasks: [], onAnalysisMessage: new Set() };
  (window as unknown as BenchGlobals).__bench = bench;
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (options?.name === 'analysis') this.addEventListener('message', () => bench.onAnalysisMessage.forEach((listener) => listener(performance.now())));
    }
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const figure = (label: string) =>
    [...document.querySelectorAll('.figure')].find((element) => element.querySelector('dt')?.textContent === label)?.querySelector('dd')?.textContent ?? '…';
  const checks = {
    shell: () => document.querySelector('nav.tabbar') !== null && document.querySelector('h1') !== null,
    counts: () => figure('户数') !== '…' && figure('人数') !== '…',
    figures: () => {
      const values = [...document.querySelectorAll('.figure dd')];
      return values.length > 0 && values.every((value) => value.textContent !== '…');
    },
  };
  const check = () => {
    for (const [name, passes] of Object.entries(checks)) {
      if (!(name in bench.marks) && passes()) bench.marks[name as keyof typeof checks] = performance.now();
    }
    return Object.keys(bench.marks).length === Object.keys(checks).length;
  };
  const observer = new MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

async function prepareContext(context: BrowserContext): Promise<Page> {
  await context.addInitScript(KEEP_NAMES_SHIM);
  await context.addInitScript(watchPage);
  return context.pages()[0] ?? (await context.newPage());
}

/** A phone-sized context on its own, with nothing stored. */
export async function openFreshContext(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(PHONE);
  return { context, page: await prepareContext(context) };
}

/**
 * A browser on a kept profile. `serviceWorkers: 'block'` lets the bench open its own pages on the
 * app's origin (the app's service worker would answer them with the app) where the service
 * worker plays no part in the figure.
 */
export async function openProfile(dir: string, options: { serviceWorkers: 'allow' | 'block'; offline?: boolean }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(dir, {
    ...PHONE,
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    serviceWorkers: options.serviceWorkers,
    offline: options.offline ?? false,
  });
  return { context, page: await prepareContext(context) };
}

/** Starts /bench/<name>.js as a module worker of the page, sends it `request`, and waits for its answer. */
export function runBenchWorker<Request, Result>(page: Page, name: string, request: Request): Promise<Result> {
  return page.evaluate(
    ({ name, request }) =>
      new Promise<Result>((resolve, reject) => {
        const worker = new Worker(`/bench/${name}.js`, { type: 'module' });
        worker.onmessage = (event: MessageEvent<WorkerReply<Result>>) => {
          worker.terminate();
          if (event.data.type === 'done') resolve(event.data.result);
          else reject(new Error(event.data.message));
        };
        worker.onerror = (event) => reject(new Error(`${name}: ${event.message}`));
        worker.postMessage(request);
      }),
    { name, request },
  );
}

/** The longest task on the page's main thread that started at or after `since` (performance.now()). */
export function longestTaskSince(page: Page, since = 0): Promise<number> {
  return page.evaluate((since) => Math.max(0, ...(window as BenchWindow).__bench.longTasks.filter((task) => task.start >= since).map((task) => task.duration)), since);
}

export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** The dedicated workers of the page, attached through the page's session (Playwright gives workers no session of their own). */
async function attachWorkers(session: CDPSession): Promise<string[]> {
  const workers: string[] = [];
  const onAttached = (event: { sessionId: string; targetInfo: { type: string } }) => {
    if (event.targetInfo.type === 'worker') workers.push(event.sessionId);
  };
  session.on('Target.attachedToTarget', onAttached);
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await new Promise((resolve) => setTimeout(resolve, 300));
  session.off('Target.attachedToTarget', onAttached);
  return workers;
}

let nextMessageId = 1_000_000;

/** One CDP command to an attached worker, and its answer. */
function sendToWorker(session: CDPSession, sessionId: string, method: string): Promise<unknown> {
  const id = nextMessageId++;
  return new Promise((resolve) => {
    const onMessage = (event: { message: string }) => {
      const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
      if (reply.id !== id) return;
      session.off('Target.receivedMessageFromTarget', onMessage);
      resolve(reply.result ?? reply.error);
    };
    session.on('Target.receivedMessageFromTarget', onMessage);
    void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
  });
}

/** JS heap in use after a garbage collection, on the page and in its dedicated workers (bytes). */
export async function measureHeap(context: BrowserContext, page: Page): Promise<{ page: number; workers: number }> {
  const session = await context.newCDPSession(page);
  try {
    const workers = await attachWorkers(session);
    await session.send('HeapProfiler.collectGarbage');
    let workerBytes = 0;
    for (const worker of workers) {
      await sendToWorker(session, worker, 'HeapProfiler.collectGarbage');
      const usage = (await sendToWorker(session, worker, 'Runtime.getHeapUsage')) as { usedSize?: number };
      workerBytes += usage.usedSize ?? 0;
    }
    return { page: (await session.send('Runtime.getHeapUsage')).usedSize, workers: workerBytes };
  } finally {
    await session.detach();
  }
}
