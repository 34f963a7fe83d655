import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, launchChromium, newPhoneContext, startTestServer, waitForOfflineReady, type TestServer } from './harness';
import { homeFigure, HouseholdForm } from './pages';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('offline app shell', () => {
  it('keeps working with the network off: reload, a new tab and a start from the home-screen icon', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForOfflineReady(page);

    await new HouseholdForm(page).open(server.url).then((form) => form.add({ village: '新国村', head: '梁秀英' }));
    await page.goto(`${server.url}/#/households`);
    await page.getByText('户主 梁秀英').waitFor();

    await context.setOffline(true);
    await page.reload();
    await page.getByText('户主 梁秀英').waitFor();

    const secondTab = await context.newPage();
    await secondTab.goto(`${server.url}/#/households`);
    await secondTab.getByText('户主 梁秀英').waitFor();

    // The manifest's start_url, as the home-screen icon opens it.
    const fromIcon = await context.newPage();
    await fromIcon.goto(`${server.url}/`);
    await fromIcon.getByRole('heading', { name: '入户台账' }).waitFor();
    await expect.poll(() => homeFigure(fromIcon, '户数')).toBe('1');
    expect(await homeFigure(fromIcon, '未同步')).toBe('1');
    await fromIcon.screenshot({ path: join(ARTIFACTS_DIR, 'home-offline.png') });
    await context.close();
  });

  it('serves an installable manifest', async () => {
    const response = await fetch(`${server.url}/manifest.webmanifest`);
    const manifest = (await response.json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: '入户台账', short_name: '入户台账', lang: 'zh-CN', display: 'standalone', start_url: '/' });
    const icons = manifest.icons as { sizes: string; purpose?: string; src: string }[];
    expect(icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
    for (const icon of icons) expect((await fetch(`${server.url}${icon.src}`)).headers.get('content-type')).toBe('image/png');
  });
});
