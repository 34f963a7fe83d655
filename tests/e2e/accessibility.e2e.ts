import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, launchChromium, newPhoneContext, seriousAccessibilityViolations, startTestServer, type TestServer } from './harness';
import { HouseholdForm } from './pages';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  context = await newPhoneContext(browser);
  page = await context.newPage();
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.goto(server.url);
  await new HouseholdForm(page).open(server.url).then((form) => form.add({ village: '新国村', head: '梁秀英' }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const screens: [string, string, string, (page: Page) => Promise<void>][] = [
  ['home', '/', '入户台账', async () => {}],
  ['households', '/households', '户列表', async () => {}],
  ['household-form', '/households/new', '新增户', async (p) => {
    await p.getByLabel('监测对象', { exact: true }).check();
    await p.getByRole('button', { name: '保存' }).click();
    await p.getByText('请填写户主姓名').waitFor();
  }],
  ['settings', '/settings', '设置', async (p) => {
    await p.getByText('存储用量').waitFor();
  }],
];

describe('accessibility', () => {
  it.each(screens)('the %s screen has no serious or critical axe violation', async (name, path, heading, prepare) => {
    await page.goto(`${server.url}/#${path}`);
    await page.getByRole('heading', { name: heading, exact: true }).waitFor();
    await prepare(page);
    await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('shows storage persistence and usage on 设置', async () => {
    await page.goto(`${server.url}/#/settings`);
    await page.getByText('持久存储').waitFor();
    expect(await page.getByText(/^已用 .+，共 .+（.+%）$/).count()).toBe(1);
  });
});
