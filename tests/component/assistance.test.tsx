import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { FieldbookDatabase } from '../../src/db/database';
import { recordEvents } from '../../src/db/events';
import { saveHousehold } from '../../src/db/households';
import { addMember, savePerson } from '../../src/db/people';
import type { Person } from '../../src/domain/person';
import { aDatabase, aHousehold, VALID_ID_MALE_1990 } from '../builders';
import { renderApp } from './render-app';

async function anUnemployedPerson(db: FieldbookDatabase, overrides: Partial<Person> = {}) {
  const household = await saveHousehold(db, aHousehold());
  const member = await addMember(db, household.id);
  return savePerson(db, { ...member, name: '韦明', idNumber: VALID_ID_MALE_1990, workStatus: '在家务农', hasIntention: '是', ...overrides });
}

describe('a person’s assistance', () => {
  it('records a 岗位推介 and shows the tally move', async () => {
    const db = aDatabase();
    const person = await anUnemployedPerson(db);
    const user = userEvent.setup();
    renderApp(`/people/${person.id}/services`, { db });
    const card = await screen.findByRole('region', { name: '服务包完成情况' });
    expect(within(card).getByText('岗位推介').nextElementSibling).toHaveTextContent('0/5');
    expect(within(card).getByText(/须于 .* 前完成（剩 \d+ 天）/)).toBeInTheDocument();

    await user.click(within(screen.getByRole('group', { name: '服务类型' })).getByLabelText('岗位推介'));
    await user.type(screen.getByLabelText('推介企业'), '柳州某汽车配件厂');
    await user.click(screen.getByRole('button', { name: '记录帮扶' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('岗位推介须填写推介岗位');
    expect(await db.events.count()).toBe(0);

    await user.type(screen.getByLabelText('推介岗位'), '装配工');
    await user.click(screen.getByRole('button', { name: '记录帮扶' }));
    await waitFor(() => expect(within(card).getByText('岗位推介').nextElementSibling).toHaveTextContent('1/5'));
    expect(within(screen.getByRole('list', { name: '帮扶记录' })).getByText('柳州某汽车配件厂 · 装配工')).toBeInTheDocument();
  });

  it('voids an event: it stays listed, struck through with who, when and why, and stops counting', async () => {
    const db = aDatabase();
    const person = await anUnemployedPerson(db);
    await recordEvents(db, [{ type: '职业指导', personId: person.id, date: '2026-05-02', assistanceContact: '覃干部' }]);
    const user = userEvent.setup();
    renderApp(`/people/${person.id}/services`, { db });
    const card = await screen.findByRole('region', { name: '服务包完成情况' });
    await waitFor(() => expect(within(card).getByText('职业指导').nextElementSibling).toHaveTextContent('1/2'));

    await user.click(screen.getByRole('button', { name: '作废 2026-05-02 职业指导' }));
    await user.click(screen.getByRole('button', { name: '确认作废' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请填写作废原因');
    await user.type(screen.getByLabelText('作废原因'), '录错人');
    await user.click(screen.getByRole('button', { name: '确认作废' }));
    expect(await screen.findByText(/已作废：.* 于 \d{4}-\d{2}-\d{2}，原因：录错人/)).toBeInTheDocument();
    expect(within(card).getByText('职业指导').nextElementSibling).toHaveTextContent('0/2');
    expect(screen.getByText('职业指导', { selector: 's' })).toBeInTheDocument();
  });

  it('warns before recording an internship for someone not eligible', async () => {
    const db = aDatabase();
    const person = await anUnemployedPerson(db);
    const user = userEvent.setup();
    renderApp(`/people/${person.id}/services`, { db });
    await user.click(within(await screen.findByRole('group', { name: '服务类型' })).getByLabelText('就业见习'));
    expect(screen.getByText(/提醒：就业见习仅限毕业年度及毕业两年内/)).toBeInTheDocument();
  });
});

describe('「待帮扶」', () => {
  it('lists who owes what, filters by village, and counts on the home screen', async () => {
    const db = aDatabase();
    const first = await anUnemployedPerson(db, { name: '韦明' });
    const other = await saveHousehold(db, aHousehold({ village: '安太村', head: '覃芳' }));
    const member = await addMember(db, other.id);
    await savePerson(db, { ...member, name: '覃芳', workStatus: '其他', hasIntention: '是' });
    await recordEvents(db, [{ type: '职业指导', personId: first.id, date: '2026-05-02' }]);
    const user = userEvent.setup();
    renderApp('/owed', { db });
    const list = await screen.findByRole('list', { name: '待帮扶人员' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(within(list).getByText('职业指导 1/2 · 岗位推介 0/5 · 培训或见习 0/1')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('村（社区）'), '安太村');
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(within(list).getByText('覃芳')).toBeInTheDocument();

    await user.click(within(screen.getByRole('navigation', { name: '主导航' })).getByRole('link', { name: '首页' }));
    await waitFor(() => expect(screen.getByText('待帮扶', { selector: 'dt' }).nextElementSibling).toHaveTextContent('2'));
  });

  it('records one group session for several people at once', async () => {
    const db = aDatabase();
    const household = await saveHousehold(db, aHousehold());
    for (const name of ['韦明', '覃芳', '梁强']) {
      const member = await addMember(db, household.id);
      await savePerson(db, { ...member, name, workStatus: '在家务农', hasIntention: '是' });
    }
    const user = userEvent.setup();
    renderApp('/services/group', { db });
    await user.click(within(await screen.findByRole('group', { name: '服务类型' })).getByLabelText('招聘活动'));
    await user.type(screen.getByLabelText('招聘活动名称'), '春风行动专场招聘会');
    await waitFor(() => expect(screen.getByLabelText(/韦明/)).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: '全选本村' }));
    await user.click(screen.getByRole('button', { name: '为选中的 3 人记录' }));
    expect(await screen.findByText('已为 3 人记录「招聘活动」')).toBeInTheDocument();
    expect(await db.events.where('type').equals('招聘活动').count()).toBe(3);
  });
});

describe('电话回访抽查', () => {
  it('draws poverty-alleviated labourers per township and records a call as a 跟踪回访', async () => {
    const db = aDatabase();
    const household = await saveHousehold(db, aHousehold({ township: '融水镇' }));
    const member = await addMember(db, household.id);
    await savePerson(db, { ...member, name: '韦明', phone: '13907720001' });
    const user = userEvent.setup();
    renderApp('/callbacks', { db });
    await user.clear(await screen.findByLabelText(/抽取种子/));
    await user.type(screen.getByLabelText(/抽取种子/), '2026-11');
    await user.click(screen.getByRole('button', { name: '按乡镇抽取脱贫劳动力' }));
    const township = await screen.findByRole('region', { name: '融水镇' });
    expect(within(township).getByText('韦明')).toBeInTheDocument();
    expect(screen.getByText(/种子「2026-11」，比例 10%，共 1 人，已回访 0 人/)).toBeInTheDocument();

    await user.click(within(township).getByRole('button', { name: '记录回访' }));
    await user.type(screen.getByLabelText('企业'), '东莞某电子厂');
    await user.click(screen.getByLabelText('知道稳岗补贴'));
    await user.click(within(screen.getByRole('group', { name: '满意度' })).getByLabelText('满意'));
    await user.click(screen.getByRole('button', { name: '保存 韦明 的回访' }));
    expect(await within(township).findByText('已回访')).toBeInTheDocument();
    const [call] = await db.events.where('type').equals('跟踪回访').toArray();
    expect(call).toMatchObject({ personId: member.id, callback: { employer: '东莞某电子厂', knowsJobRetentionSubsidy: true, satisfaction: '满意' } });
    expect((await db.callbackDraws.toArray())[0]).toMatchObject({ seed: '2026-11', byTownship: { 融水镇: [member.id] } });
  });
});

describe('公益性岗位退出人员', () => {
  it('owes the package after leaving a post other than for age, even when at work again', async () => {
    const db = aDatabase();
    const person = await anUnemployedPerson(db, { workStatus: '就近就业', hasIntention: undefined });
    const user = userEvent.setup();
    renderApp(`/people/${person.id}/services`, { db });
    expect(await screen.findByText(/不属于应服务对象/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '新增公益性岗位' }));
    await user.type(screen.getByLabelText('岗位（工种）名称'), '保洁员');
    await user.type(screen.getByLabelText('用人单位'), '新国村委');
    await user.clear(screen.getByLabelText('上岗时间'));
    await user.type(screen.getByLabelText('上岗时间'), '2025-03-01');
    await user.click(screen.getByRole('button', { name: '保存岗位' }));
    await user.click(await screen.findByRole('button', { name: '登记退出' }));
    await user.selectOptions(screen.getByLabelText('退出后就业去向'), '6.灵活就业');
    await user.click(screen.getByRole('button', { name: '保存退出' }));
    expect(await screen.findByText('退出后就业去向：6.灵活就业')).toBeInTheDocument();
    expect(await screen.findByText(/起应服务，须于 .* 前完成/)).toBeInTheDocument();
    expect((await db.people.get(person.id))?.publicPosts).toEqual([expect.objectContaining({ post: '保洁员', startDate: '2025-03-01', exitDestination: '6.灵活就业' })]);
  });
});
