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
const paths: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  context = await newPhoneContext(browser);
  page = await context.newPage();
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.goto(server.url);
  await new HouseholdForm(page).open(server.url).then((form) => form.add({ village: '新国村', head: '梁秀英' }));
  paths.household = new URL(page.url()).hash.slice(1);
  await page.getByRole('button', { name: '添加成员' }).click();
  await page.getByLabel('姓名', { exact: true }).fill('梁秀英');
  await page.getByLabel('身份证号', { exact: true }).fill('45022519900315013');
  paths.survey = new URL(page.url()).hash.slice(1);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const screens: [string, () => string, string, (page: Page) => Promise<void>][] = [
  ['home', () => '/', '入户台账', async () => {}],
  ['households', () => '/households', '户列表', async () => {}],
  ['household', () => paths.household!, '户主 梁秀英', async (p) => {
    await p.getByRole('list', { name: '家庭成员' }).waitFor();
  }],
  ['survey', () => paths.survey!, '河源市贫困劳动力调查表', async (p) => {
    await p.getByText('身份证号应为18位：17位数字加1位数字或X').waitFor();
    await p.getByRole('group', { name: '就失业状况' }).getByLabel('在家务农').check();
    await p.getByRole('group', { name: '是否有就业意愿' }).getByLabel('否').check();
  }],
  ['people', () => '/people', '人员', async (p) => {
    await p.getByText('共 1 人').waitFor();
  }],
  ['household-form', () => '/households/new', '新增户', async (p) => {
    await p.getByLabel('监测对象', { exact: true }).check();
    await p.getByRole('button', { name: '保存' }).click();
    await p.getByText('请填写户主姓名').waitFor();
  }],
  ['settings', () => '/settings', '设置', async (p) => {
    await p.getByText('存储用量').waitFor();
  }],
];

describe('accessibility', () => {
  it.each(screens)('the %s screen has no serious or critical axe violation', async (name, path, heading, prepare) => {
    await page.goto(`${server.url}/#${path()}`);
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
