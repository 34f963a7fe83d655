import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, newPhoneContext, seriousAccessibilityViolations, waitForOfflineReady, withServerAndBrowser } from './harness';
import { HouseholdForm, SurveyPage } from './pages';

const env = withServerAndBrowser();

async function addJobSeeker(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: '添加成员' }).click();
  const survey = new SurveyPage(page);
  await survey.text('姓名', name);
  await survey.choose('就失业状况', '在家务农');
  await survey.choose('是否有就业意愿', '是');
  const id = /#\/people\/([^/]+)/.exec(page.url())?.[1] ?? '';
  await page.getByRole('link', { name: /← 户主/ }).click();
  await page.getByRole('list', { name: '家庭成员' }).getByText(name).waitFor();
  return id;
}

const tallyOf = (page: Page, label: string) =>
  page.getByRole('region', { name: '服务包完成情况' }).locator('li', { hasText: label }).locator('strong').textContent();

describe('assistance offline', () => {
  it('records a group referral for three people, voids one, and the tallies and 「待帮扶」 follow', async () => {
    const context = await newPhoneContext(env.browser);
    const page = await context.newPage();
    await page.goto(env.server.url);
    await waitForOfflineReady(page);
    await context.setOffline(true);

    await new HouseholdForm(page).open(env.server.url).then((form) => form.add({ village: '新国村', head: '韦明' }));
    const ids = [];
    for (const name of ['韦明', '覃芳', '梁强']) ids.push(await addJobSeeker(page, name));

    await page.goto(`${env.server.url}/#/owed`);
    await page.getByText('251 就业帮扶：3 人待帮扶').waitFor();
    await page.getByRole('link', { name: '集体帮扶登记' }).click();
    await page.getByRole('group', { name: '服务类型' }).getByLabel('岗位推介').check();
    await page.getByLabel('推介企业').fill('柳州某汽车配件厂');
    await page.getByLabel('推介岗位').fill('装配工');
    await page.getByLabel('韦明').waitFor();
    await page.getByRole('button', { name: '全选本村' }).click();
    await page.getByRole('button', { name: '为选中的 3 人记录' }).click();
    await page.getByText('已为 3 人记录「岗位推介」').waitFor();

    await page.goto(`${env.server.url}/#/people/${ids[0]}/services`);
    await expect.poll(() => tallyOf(page, '岗位推介')).toBe('1/5');
    await page.getByRole('button', { name: /^作废 .* 岗位推介$/ }).click();
    await page.getByLabel('作废原因').fill('未到场');
    await page.getByRole('button', { name: '确认作废' }).click();
    await page.getByText(/已作废：.*原因：未到场/).waitFor();
    await expect.poll(() => tallyOf(page, '岗位推介')).toBe('0/5');
    await page.getByRole('region', { name: '服务包完成情况' }).screenshot({ path: join(ARTIFACTS_DIR, 'tally-card.png') });
    await page.getByRole('list', { name: '帮扶记录' }).screenshot({ path: join(ARTIFACTS_DIR, 'event-log.png') });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.goto(`${env.server.url}/#/people/${ids[1]}/services`);
    await expect.poll(() => tallyOf(page, '岗位推介')).toBe('1/5');

    await page.goto(`${env.server.url}/#/owed`);
    const list = page.getByRole('list', { name: '待帮扶人员' });
    await list.getByText('韦明').waitFor();
    expect(await list.getByText('职业指导 0/2 · 岗位推介 0/5 · 培训或见习 0/1').count()).toBe(1);
    expect(await list.getByText('职业指导 0/2 · 岗位推介 1/5 · 培训或见习 0/1').count()).toBe(2);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'owed.png') });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
