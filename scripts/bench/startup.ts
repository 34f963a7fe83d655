/**
 * Starting the app: offline from the service worker with the CPU slowed 4× (a cheap phone), and
 * Lighthouse's mobile performance score for a first visit.
 */
import { freePort } from '../../tests/server/postgres';
import lighthouse from 'lighthouse';
import { launchBrowser, openProfile, type BenchWindow } from './browser';
import type { Scale } from './app-runs';

export interface ColdStart {
  /** performance.now() of the new document (its navigation start is 0) when each part showed. */
  shellMs: number;
  countsMs: number;
  figuresMs: number;
}

/**
 * A new browser on a profile whose first online visit is done, started offline, the page's CPU
 * throttled 4× through CDP before it navigates. Interactive: the home screen shows its counts
 * (户数, 人数), read from the database by the worker; 待帮扶 and 疑点 follow once the model loads.
 */
export async function startColdOffline(url: string, scale: Scale): Promise<ColdStart> {
  const { context, page } = await openProfile(scale.profileDir, { serviceWorkers: 'allow', offline: true });
  try {
    const session = await context.newCDPSession(page);
    await session.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url);
    await page.waitForFunction(() => (window as BenchWindow).__bench.marks.figures !== undefined, null, { timeout: 300_000, polling: 50 });
    const controlled = await page.evaluate(() => Boolean(navigator.serviceWorker.controller));
    if (!controlled) throw new Error('the offline start was not served by the service worker');
    const marks = await page.evaluate(() => (window as BenchWindow).__bench.marks);
    return { shellMs: marks.shell ?? Number.NaN, countsMs: marks.counts ?? Number.NaN, figuresMs: marks.figures ?? Number.NaN };
  } finally {
    await context.close();
  }
}

export interface LighthouseRun {
  score: number;
  /** Lighthouse's simulated timings (ms): first and largest contentful paint, total blocking time, speed index. */
  metrics: Record<'FCP' | 'LCP' | 'TBT' | 'SI', number>;
}

const METRIC_AUDITS = { FCP: 'first-contentful-paint', LCP: 'largest-contentful-paint', TBT: 'total-blocking-time', SI: 'speed-index' } as const;

/** Lighthouse's default (mobile, simulated slow 4G and 4× CPU) performance score of a first visit, 0–100. */
export async function runLighthouse(url: string): Promise<LighthouseRun> {
  const port = await freePort();
  const browser = await launchBrowser([`--remote-debugging-port=${port}`]);
  try {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const score = result?.lhr.categories.performance?.score;
    if (!result || typeof score !== 'number') throw new Error(`Lighthouse gave no performance score: ${JSON.stringify(result?.lhr.runtimeError ?? null)}`);
    const metric = (audit: string) => result.lhr.audits[audit]?.numericValue ?? Number.NaN;
    return {
      score: score * 100,
      metrics: { FCP: metric(METRIC_AUDITS.FCP), LCP: metric(METRIC_AUDITS.LCP), TBT: metric(METRIC_AUDITS.TBT), SI: metric(METRIC_AUDITS.SI) },
    };
  } finally {
    await browser.close();
  }
}
