import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';
import { ARTIFACTS_DIR, PHONE_VIEWPORT, startTestServer, waitForOfflineReady, type TestServer } from './harness';
import { HouseholdForm, SurveyPage } from './pages';

let server: TestServer;
const profileDir = mkdtempSync(join(tmpdir(), 'fieldbook-e2e-profile-'));

/** A browser profile that outlives the context, as a phone's browser keeps its data. */
async function openPhone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: PHONE_VIEWPORT,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}

beforeAll(async () => {
  server = await startTestServer();
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
});

afterAll(async () => {
  await server?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`) });

describe('surveying a household offline', () => {
  it('keeps every answer of two members through a context closed mid-edit, and finds 张三丰 by zsf', async () => {
    let { context, page } = await openPhone();
    await page.goto(server.url);
    await waitForOfflineReady(page);
    await context.setOffline(true);

    await new HouseholdForm(page).open(server.url).then((form) => form.add({ village: '新国村', head: '张三丰' }));
    await page.getByRole('heading', { name: '户主 张三丰' }).waitFor();

    // First member: at work, so part 二 applies.
    await page.getByRole('button', { name: '添加成员' }).click();
    const survey = new SurveyPage(page);
    await survey.text('姓名', '张三丰');
    await survey.text('身份证号', '450225199003150139');
    await survey.choose('性别', '男');
    await survey.text('民族', '苗族');
    await survey.choose('户籍性质', '农业');
    await survey.text('联系电话', '13907720001');
    await survey.choose('文化程度', '初中');
    await survey.choose('健康状况', '健康');
    await survey.choose('婚姻状况', '已婚');
    await survey.choose('政治面貌', '群众');
    await survey.choose('劳动能力情况', '普通劳动力');
    await survey.chooseMany('接受培训情况', ['技能培训']);
    await survey.chooseMany('获得技能证书', ['初级职业资格证书']);
    await survey.choose('就失业状况', '外出务工');
    await shot(page, 'survey-part1');
    await survey.text('工作单位及岗位', '东莞某电子厂 装配工');
    await survey.text('就业单位名称', '东莞某电子厂');
    await survey.text('年内累计就业时长（月）', '4');
    await survey.choose('就业所在地', '省内市外');
    await survey.choose('外出务工地', '珠三角地区');
    await survey.choose('珠三角地区：城市', '东莞');
    await survey.choose('就业形式', '单位就业');
    await survey.choose('月工资收入', '3000元-4000元');
    await survey.choose('外出务工渠道', '亲朋好友介绍');
    await survey.choose('所在企业及自主创业所属行业', '制造业');
    await page.getByRole('group', { name: '二、已就业（转移就业）情况' }).screenshot({ path: join(ARTIFACTS_DIR, 'survey-part2.png') });
    await survey.text('帮扶联系人', '覃干部');
    await survey.text('调查人', '覃干部');
    const firstUrl = page.url();

    // Second member: at home, so part 三 applies.
    await page.getByRole('link', { name: /户主 张三丰/ }).click();
    await page.getByRole('button', { name: '添加成员' }).click();
    await survey.text('姓名', '李秀兰');
    await survey.choose('就失业状况', '在家务农');
    await survey.chooseMany('未转移就业创业原因', ['缺乏技能', '缺少信息']);
    await survey.choose('是否有就业意愿', '是');
    await survey.choose('就业意向', '县内');
    await survey.choose('就业意向单位性质', '民营企业');
    await survey.text('薪酬期望值', '3000');
    await survey.choose('是否有培训意愿', '是');
    await survey.chooseMany('最想参加什么工种的培训', ['家政服务员', '其他请说明']);
    await page.getByRole('group', { name: '三、未转移就业人员就业意愿' }).screenshot({ path: join(ARTIFACTS_DIR, 'survey-part3.png') });
    const secondUrl = page.url();
    // The last answer, then the phone is put away at once.
    await survey.text('其他工种（请说明）', '电商直播');
    await context.close();

    ({ context, page } = await openPhone());
    await context.setOffline(true);
    await page.goto(firstUrl);
    const reopened = new SurveyPage(page);
    await page.getByLabel('姓名', { exact: true }).waitFor();
    expect(await reopened.value('姓名')).toBe('张三丰');
    expect(await reopened.value('就业单位名称')).toBe('东莞某电子厂');
    expect(await reopened.value('年内累计就业时长（月）')).toBe('4');
    expect(await reopened.isChosen('珠三角地区：城市', '东莞')).toBe(true);
    expect(await reopened.isChosen('就业所在地', '省内市外')).toBe(true);
    expect(await reopened.value('调查人')).toBe('覃干部');

    await page.goto(secondUrl);
    await page.getByLabel('姓名', { exact: true }).waitFor();
    expect(await reopened.value('姓名')).toBe('李秀兰');
    expect(await reopened.isChosen('就业意向单位性质', '民营企业')).toBe(true);
    expect(await reopened.value('其他工种（请说明）')).toBe('电商直播');
    await page.getByRole('group', { name: '四、调查人、调查时间' }).screenshot({ path: join(ARTIFACTS_DIR, 'survey-part4.png') });

    await page.goto(`${server.url}/#/households`);
    await page.getByRole('link', { name: /户主 张三丰/ }).click();
    await page.getByRole('list', { name: '家庭成员' }).waitFor();
    await shot(page, 'household');

    await page.goto(`${server.url}/#/people`);
    await page.getByText('共 2 人').waitFor();
    await page.getByLabel(/^查找/).fill('zsf');
    await page.getByText('找到 1 人').waitFor();
    const results = page.getByRole('list', { name: '人员列表' });
    expect(await results.getByText('张三丰').count()).toBeGreaterThan(0);
    expect(await results.getByText('李秀兰').count()).toBe(0);
    await shot(page, 'people-search');
    await context.close();
  });
});
