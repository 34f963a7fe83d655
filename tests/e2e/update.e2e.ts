import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newPhoneContext, waitForOfflineReady, withServerAndBrowser } from './harness';

const env = withServerAndBrowser();

describe('a new deployment', () => {
  it('is offered with 「发现新版本」 and applied only by 「立即更新」, never while the cadre types', async () => {
    const context = await newPhoneContext(env.browser);
    const page = await context.newPage();
    await page.goto(env.server.url);
    await waitForOfflineReady(page);
    await page.goto(`${env.server.url}/#/households/new`);
    await page.getByLabel('户主').fill('梁秀');
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    appendFileSync(join(env.server.staticDir, 'sw.js'), '\n// deployment 2\n');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });

    await page.getByText('发现新版本').waitFor();
    // Give an automatic reload every chance to happen: it must not.
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
    expect(await page.getByLabel('户主').inputValue()).toBe('梁秀');

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '立即更新' }).click()]);
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(false);
    await page.getByRole('heading', { name: '新增户' }).waitFor();
    expect(await page.getByText('发现新版本').count()).toBe(0);
    const waiting = await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));
    expect(waiting).toBe(false);
    await context.close();
  });
});
