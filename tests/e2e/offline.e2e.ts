import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, newPhoneContext, waitForOfflineReady, withServerAndBrowser } from './harness';
import { homeFigure, HouseholdForm } from './pages';

const env = withServerAndBrowser();

describe('offline app shell', () => {
  it('keeps working with the network off: reload, a new tab and a start from the home-screen icon', async () => {
    const context = await newPhoneContext(env.browser);
    const page = await context.newPage();
    await page.goto(env.server.url);
    await waitForOfflineReady(page);

    await new HouseholdForm(page).open(env.server.url).then((form) => form.add({ village: '新国村', head: '梁秀英' }));
    await page.goto(`${env.server.url}/#/households`);
    await page.getByText('户主 梁秀英').waitFor();

    await context.setOffline(true);
    await page.reload();
    await page.getByText('户主 梁秀英').waitFor();

    const secondTab = await context.newPage();
    await secondTab.goto(`${env.server.url}/#/households`);
    await secondTab.getByText('户主 梁秀英').waitFor();

    // The manifest's start_url, as the home-screen icon opens it.
    const fromIcon = await context.newPage();
    await fromIcon.goto(`${env.server.url}/`);
    await fromIcon.getByRole('heading', { name: '入户台账' }).waitFor();
    await expect.poll(() => homeFigure(fromIcon, '户数')).toBe('1');
    expect(await homeFigure(fromIcon, '未同步')).toBe('1');
    await fromIcon.screenshot({ path: join(ARTIFACTS_DIR, 'home-offline.png') });
    await context.close();
  });

  it('sends the scripts compressed on the first visit, and the files that keep their name as they are', async () => {
    const html = await (await fetch(env.server.url)).text();
    const entry = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    expect(entry).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    const contentEncoding = async (path: string, accepted: string) =>
      (await fetch(`${env.server.url}${path}`, { headers: { 'Accept-Encoding': accepted } })).headers.get('content-encoding');
    expect(await contentEncoding(entry!, 'gzip, deflate, br')).toBe('br');
    expect(await contentEncoding(entry!, 'gzip, deflate')).toBe('gzip');
    expect(await contentEncoding(entry!, 'identity')).toBeNull();
    expect(await contentEncoding('/', 'gzip, deflate, br')).toBeNull();
    expect(await contentEncoding('/sw.js', 'gzip, deflate, br')).toBeNull();
  });

  it('serves an installable manifest', async () => {
    const response = await fetch(`${env.server.url}/manifest.webmanifest`);
    const manifest = (await response.json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: '入户台账', short_name: '入户台账', lang: 'zh-CN', display: 'standalone', start_url: '/' });
    const icons = manifest.icons as { sizes: string; purpose?: string; src: string }[];
    expect(icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
    for (const icon of icons) expect((await fetch(`${env.server.url}${icon.src}`)).headers.get('content-type')).toBe('image/png');
  });
});
