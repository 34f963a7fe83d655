import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readSeedExcerpt } from '../fixtures/seeds';
import { ARTIFACTS_DIR, newPhoneContext, seriousAccessibilityViolations, waitForOfflineReady, withServerAndBrowser } from './harness';
import { homeFigure, SurveyPage } from './pages';

const env = withServerAndBrowser();
const ID = '450225199003150139';

async function addFarmer(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: '添加成员' }).click();
  const survey = new SurveyPage(page);
  await survey.text('姓名', name);
  await survey.text('身份证号', ID);
  await survey.text('调查人', '覃干部');
  await survey.choose('劳动能力情况', '普通劳动力');
  await survey.choose('就失业状况', '在家务农');
  await survey.choose('是否有就业意愿', '否');
  await survey.choose('无就业意向原因', '务农');
  const id = /#\/people\/([^/]+)/.exec(page.url())?.[1] ?? '';
  await page.getByRole('link', { name: /← 户主/ }).click();
  await page.getByRole('list', { name: '家庭成员' }).getByText(name).waitFor();
  return id;
}

describe('analysis in the worker, offline', () => {
  it('finds 疑点 across records, follows an edit, and measures progress against pasted targets', async () => {
    const context = await newPhoneContext(env.browser);
    const page = await context.newPage();
    await page.goto(env.server.url);
    await waitForOfflineReady(page);
    await context.setOffline(true);

    await page.goto(`${env.server.url}/#/households/new`);
    await page.getByLabel('村（社区）').fill('新国村');
    await page.getByLabel('户主').fill('韦明');
    await page.getByLabel('易地扶贫搬迁安置户').check();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { name: '户主 韦明' }).waitFor();
    await addFarmer(page, '韦明');
    const twin = await addFarmer(page, '韦明明');

    // Two records share an ID; the relocated household has nobody at work: 3 errors.
    await page.goto(env.server.url);
    await expect.poll(() => homeFigure(page, '疑点（错误）'), { timeout: 15_000 }).toBe('3');

    await page.getByRole('link', { name: '疑点', exact: true }).click();
    await page.getByText('共 3 条：错误 3 条，提醒 0 条').waitFor();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'findings-by-village.png') });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '按疑点类型' }).click();
    await page.getByRole('button', { name: /易地搬迁户有劳动力无人就业/ }).click();
    await page.getByRole('link', { name: /易地搬迁户有 1 名|易地搬迁户有 2 名/ }).click();
    await page.getByRole('heading', { name: '户主 韦明' }).waitFor();
    await page.getByRole('region', { name: '疑点（1）' }).getByText(/无一人就业/).waitFor();

    // One edit: the duplicate goes from both records.
    await page.goto(`${env.server.url}/#/people/${twin}`);
    await new SurveyPage(page).text('身份证号', '110101199003070011');
    await page.goto(env.server.url);
    await expect.poll(() => homeFigure(page, '疑点（错误）'), { timeout: 15_000 }).toBe('1');

    await page.goto(`${env.server.url}/#/progress/targets`);
    await page.getByLabel(/粘贴到这里/).fill(readSeedExcerpt('seed-000-attachment-1'));
    await page.getByRole('button', { name: '读取表格' }).click();
    await page.getByRole('button', { name: '用此表替换乡镇目标' }).click();
    await page.getByRole('group', { name: '文件正文所述总数' }).getByLabel('脱贫户（含监测户）计划任务数').fill('7746');
    await page.getByRole('alert').getByText('正文写 7746，表中合计为 7800，相差 54', { exact: false }).waitFor();
    await page.getByRole('status').getByText('已保存').waitFor();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'targets.png') });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.reload();
    await page.goto(`${env.server.url}/#/progress`);
    await page.getByRole('button', { name: /^百朋镇/ }).getByText('0 / 1175 人').waitFor();
    await page.getByRole('img', { name: /累计/ }).waitFor();
    await page.getByRole('alert').getByText(/相差 54/).waitFor();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'progress.png') });
    await page.getByRole('button', { name: /^百朋镇/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'progress-townships.png') });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
