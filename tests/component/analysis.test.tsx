import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { saveHousehold } from '../../src/db/households';
import { savePerson } from '../../src/db/people';
import { loadTargetPlan } from '../../src/db/targets';
import { formatLocalDate } from '../../src/domain/dates';
import { readSeedExcerpt } from '../fixtures/seeds';
import { aDatabase, aHousehold, anEmployedPerson, VALID_ID_MALE_1990 } from '../builders';
import { renderApp } from './render-app';

/** Surveyed today, so no record is due for re-verification. */
const today = formatLocalDate(new Date());

describe('疑点', () => {
  it('groups findings by village and by check, and opens the record from the list', async () => {
    const db = aDatabase();
    const xinguo = await saveHousehold(db, aHousehold({ village: '新国村' }));
    const dongliang = await saveHousehold(db, aHousehold({ village: '东良村', head: '韦强' }));
    await savePerson(db, anEmployedPerson({ id: 'a', name: '韦明', householdId: xinguo.id, surveyedAt: today }));
    await savePerson(db, anEmployedPerson({ id: 'b', name: '韦明明', householdId: dongliang.id, idNumber: VALID_ID_MALE_1990, surveyedAt: today }));
    const user = userEvent.setup();
    const { location } = renderApp('/findings', { db });

    expect(await screen.findByText('共 2 条：错误 2 条，提醒 0 条')).toBeInTheDocument();
    const byVillage = screen.getByRole('list', { name: '按村' });
    expect(within(byVillage).getAllByRole('button').map((button) => button.textContent)).toEqual([
      '融水镇 东良村 身份证号重复 11',
      '融水镇 新国村 身份证号重复 11',
    ]);
    await user.click(screen.getByRole('button', { name: '按疑点类型' }));
    await user.click(within(screen.getByRole('list', { name: '按疑点类型' })).getByRole('button', { name: /身份证号重复/ }));
    const rows = await screen.findAllByRole('link', { name: /身份证号重复/ });
    expect(rows).toHaveLength(2);
    await user.click(screen.getByRole('link', { name: /^错误 韦明明/ }));
    expect(location.history?.at(-1)).toBe('/people/b');
  });

  it('shows a person the whole-data-set findings the survey form cannot see', async () => {
    const db = aDatabase();
    const household = await saveHousehold(db, aHousehold());
    await savePerson(db, anEmployedPerson({ id: 'a', householdId: household.id, surveyedAt: today }));
    await savePerson(db, anEmployedPerson({ id: 'b', name: '韦明明', householdId: household.id, surveyedAt: today }));
    renderApp('/people/a', { db });
    const card = await screen.findByRole('region', { name: '疑点（1）' });
    expect(card).toHaveTextContent('身份证号与 韦明明（新国村） 的记录重复');
  });

  it('counts errors on the home screen and follows an edit', async () => {
    const db = aDatabase();
    const household = await saveHousehold(db, aHousehold());
    await savePerson(db, anEmployedPerson({ id: 'a', householdId: household.id, surveyedAt: today }));
    const twin = await savePerson(db, anEmployedPerson({ id: 'b', householdId: household.id, surveyedAt: today }));
    renderApp('/', { db });
    const figure = () => screen.getByText('疑点（错误）').closest('div')!.querySelector('dd');
    await waitFor(() => expect(figure()).toHaveTextContent('2'));
    await savePerson(db, { ...twin, idNumber: '110101199003070011' });
    await waitFor(() => expect(figure()).toHaveTextContent('0'));
  });
});

describe('目标任务 and 目标进度', () => {
  it('reads the pasted 附件1 table, saves it, and shows the seed’s own mismatch', async () => {
    const db = aDatabase();
    const user = userEvent.setup();
    renderApp('/progress/targets', { db });
    const paste = await screen.findByLabelText(/粘贴到这里/);
    await user.click(paste);
    await user.paste(readSeedExcerpt('seed-000-attachment-1'));
    await user.click(screen.getByRole('button', { name: '读取表格' }));
    expect(await screen.findByText(/读到 8 个乡镇和合计行/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '用此表替换乡镇目标' }));
    await user.type(within(screen.getByRole('group', { name: '文件正文所述总数' })).getByLabelText('脱贫户（含监测户）计划任务数'), '7746');

    expect(await screen.findByRole('alert')).toHaveTextContent('文件正文：脱贫户（含监测户）计划任务数：正文写 7746，表中合计为 7800，相差 54');
    await waitFor(async () => expect((await loadTargetPlan(db, new Date().getFullYear())).statedTotals.povertyPlan).toBe(7746));
    const plan = await loadTargetPlan(db, new Date().getFullYear());
    expect(plan.units.map((unit) => unit.township)).toEqual(['百朋镇', '成团镇', '穿山镇', '进德镇', '拉堡镇', '里高镇', '三都镇', '土博镇']);
    expect(plan.tableTotals).toEqual({ otherLabour: 72200, povertyPlan: 7800, povertyStretch: 8585, totalPlan: 80000 });
  });

  it('shows each township’s employed count against its target', async () => {
    const db = aDatabase();
    const household = await saveHousehold(db, aHousehold({ township: '百朋镇', village: '新国村' }));
    await savePerson(db, anEmployedPerson({ householdId: household.id, employedSince: '2020-01' }));
    const user = userEvent.setup();
    renderApp('/progress/targets', { db });
    await user.click(await screen.findByRole('button', { name: '添加乡镇或村' }));
    const row = screen.getByRole('group', { name: '第 1 行' });
    await user.type(within(row).getByLabelText('乡镇'), '百朋镇');
    await user.type(within(row).getByLabelText('脱贫户（含监测户）计划任务数'), '4');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('已保存'));

    await user.click(screen.getByRole('link', { name: '← 目标进度' }));
    const township = await screen.findByRole('button', { name: /^百朋镇/ });
    await waitFor(() => expect(township).toHaveTextContent('1 / 4 人'));
    expect(township).toHaveTextContent('完成 25%');
    expect(await screen.findByRole('img', { name: /累计 1 人/ })).toBeInTheDocument();
  });
});
