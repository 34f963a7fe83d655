import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ARTIFACTS_DIR, createToken, seriousAccessibilityViolations, newPhoneContext, waitForOfflineReady, withServerAndBrowser } from './harness';
import { homeFigure, HouseholdForm } from './pages';

const env = withServerAndBrowser();

describe('sync', () => {
  it('drains the outbox by itself when the connection comes back', async () => {
    const token = createToken(env.server, '新国村');
    const context = await newPhoneContext(env.browser);
    const page = await context.newPage();
    await page.goto(env.server.url);
    await waitForOfflineReady(page);
    await page.goto(`${env.server.url}/#/sync`);
    await page.getByLabel('令牌').fill(token);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();

    await context.setOffline(true);
    await new HouseholdForm(page).open(env.server.url).then((form) => form.add({ village: '新国村', head: '梁秀英' }));
    await page.getByText('未同步', { exact: true }).waitFor();
    await page.goto(`${env.server.url}/#/`);
    await expect.poll(() => homeFigure(page, '未同步')).toBe('1');

    // Back in coverage: nobody touches anything.
    await context.setOffline(false);
    await expect.poll(() => homeFigure(page, '未同步'), { timeout: 20_000 }).toBe('0');

    const changes = (await (await fetch(`${env.server.url}/api/changes?since=`, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
      revisions: { kind: string; data: { head?: string } }[];
    };
    expect(changes.revisions).toEqual([expect.objectContaining({ kind: 'household', data: expect.objectContaining({ head: '梁秀英' }) })]);

    await page.goto(`${env.server.url}/#/sync`);
    await page.getByText(/^0 条$/).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'sync.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
