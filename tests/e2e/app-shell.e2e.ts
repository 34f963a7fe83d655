import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, newPhoneContext, seriousAccessibilityViolations, withServerAndBrowser } from './harness';
import { homeFigure } from './pages';

const env = withServerAndBrowser();

interface Layout {
  background: string;
  /** Text and position (rounded CSS px) of the heading, each figure's label, each button and tab. */
  parts: { text: string; box: { x: number; y: number; width: number; height: number } }[];
}

async function layoutOf(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const parts = [...document.querySelectorAll('h1, .figure, .figure dt, .actions a, nav.tabbar a')].map((element) => {
      const rect = element.getBoundingClientRect();
      const text = element.matches('.figure') ? (element.querySelector('dt')?.textContent ?? '') : (element.textContent ?? '');
      return { text, box: { x: Math.round(rect.x), y: Math.round(rect.y), width: Math.round(rect.width), height: Math.round(rect.height) } };
    });
    return { background: getComputedStyle(document.documentElement).backgroundColor, parts };
  });
}

describe('the app shell in index.html', () => {
  it('paints the home screen before any script runs, exactly where the app then draws it', async () => {
    const context = await newPhoneContext(env.browser);
    const withoutScripts = await context.newPage();
    await withoutScripts.route('**/*.js', (route) => route.abort());
    await withoutScripts.goto(env.server.url);
    await withoutScripts.getByRole('heading', { name: '入户台账' }).waitFor();
    expect(await homeFigure(withoutScripts, '户数')).toBe('…');
    expect(await withoutScripts.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页' }).getAttribute('aria-current')).toBe('page');
    const shell = await layoutOf(withoutScripts);
    await withoutScripts.screenshot({ path: join(ARTIFACTS_DIR, 'start-shell.png') });
    expect(await seriousAccessibilityViolations(withoutScripts)).toEqual([]);
    await withoutScripts.close();

    const page = await context.newPage();
    await page.goto(env.server.url);
    await expect.poll(() => homeFigure(page, '户数')).toBe('0');
    // The first visit's 「已可离线使用」 floats over the screen instead of pushing it down.
    await page.getByText('已可离线使用').waitFor();
    const app = await layoutOf(page);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'start-home.png') });

    expect(shell.parts.map((part) => part.text)).toEqual(['入户台账', '户数', '户数', '人数', '人数', '已调查', '已调查', '待帮扶', '待帮扶', '疑点（错误）', '疑点（错误）', '未同步', '未同步', '新增户', '户列表', '同步', '目标进度', '疑点', '导入花名册', '报表', '首页', '入户', '人员', '待帮扶', '设置']);
    expect(app).toEqual(shell);
    await context.close();
  });

  it('starts a link into another screen from the bare frame, without the home screen', async () => {
    const context = await newPhoneContext(env.browser);
    const page = await context.newPage();
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(`${env.server.url}/#/people`);
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    expect(await page.getByRole('heading').count()).toBe(0);
    expect(await page.locator('[aria-current]').count()).toBe(0);
    await context.close();
  });
});
