import { execFileSync } from 'node:child_process';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';
import { resolveServerConfig } from '../../server/config';
import { startServer, type RunningServer } from '../../server/serve';

export const PHONE_VIEWPORT = { width: 360, height: 740 };
export const ARTIFACTS_DIR = resolve('tests/artifacts');

export interface TestServer extends RunningServer {
  /** This server's own copy of dist/, which a test may change to simulate a new deployment. */
  staticDir: string;
  dataFile: string;
}

/** The receiver on a free port, serving a private copy of the built app and a fresh database. */
export async function startTestServer(): Promise<TestServer> {
  const staticDir = mkdtempSync(join(tmpdir(), 'fieldbook-e2e-dist-'));
  cpSync(resolve('dist'), staticDir, { recursive: true });
  const dataFile = join(mkdtempSync(join(tmpdir(), 'fieldbook-e2e-data-')), 'fieldbook.db');
  const server = await startServer(resolveServerConfig({ port: '0', static: staticDir, data: dataFile }, {}));
  return { ...server, staticDir, dataFile };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export function newPhoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: PHONE_VIEWPORT, locale: 'zh-CN', deviceScaleFactor: 2, isMobile: true, hasTouch: true });
}

/** Waits until the service worker has installed and controls the page, as after a first visit. */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload();
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  }
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core's serious and critical violations on the page as it stands. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe.run();
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((node) => ({ target: node.target })) }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** A device token for the test server, made as a clerk would: `fieldbook token create`. */
export function createToken(server: TestServer, scope: string): string {
  const output = execFileSync('node', ['bin/fieldbook.js', 'token', 'create', '--name', 'e2e 测试', '--scope', scope, '--data', server.dataFile], { encoding: 'utf8' });
  return output.trim().split('\n').at(-1)!.trim();
}

/**
 * A loopback proxy in front of the test server that slows `POST /api/sync` down, so a test can
 * act in the middle of a sync. Everything else passes straight through.
 */
export async function startSlowSyncProxy(target: string, delayMs: number): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const server = createServer((request, response) => {
    const forward = () => {
      const outgoing = httpRequest(
        { host: upstream.hostname, port: upstream.port, path: request.url, method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      outgoing.on('error', () => response.destroy());
      request.pipe(outgoing);
    };
    if (request.method === 'POST' && request.url?.startsWith('/api/sync')) setTimeout(forward, delayMs);
    else forward();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * A test file's receiver and browser: started before its tests, closed after them. Read them
 * through the returned object once the tests run.
 */
export function withServerAndBrowser(): { readonly server: TestServer; readonly browser: Browser } {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the test server starts in beforeAll');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
  };
}
