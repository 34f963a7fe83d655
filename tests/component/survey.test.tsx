import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { saveHousehold } from '../../src/db/households';
import { addMember, savePerson } from '../../src/db/people';
import { savePreferences } from '../../src/db/preferences';
import { restorePreferences } from '../../src/domain/preferences';
import { aDatabase, aHousehold, VALID_ID_MALE_1990 } from '../builders';
import { renderApp } from './render-app';

async function openNewMember(options: { preferences?: Parameters<typeof restorePreferences>[0] } = {}) {
  const db = aDatabase();
  if (options.preferences) await savePreferences(db, restorePreferences(options.preferences));
  const household = await saveHousehold(db, aHousehold());
  const person = await addMember(db, household.id);
  const view = renderApp(`/people/${person.id}`, { db });
  await screen.findByRole('form');
  return { ...view, db, person, household, user: userEvent.setup() };
}

const stored = async (db: ReturnType<typeof aDatabase>, id: string) => (await db.people.get(id))!;

describe('survey form', () => {
  it('keeps every answer in the phone database as it is typed, without a save button', async () => {
    const { db, person, user } = await openNewMember({ preferences: { surveyor: '覃干部' } });
    expect(screen.queryByRole('button', { name: '保存' })).toBeNull();
    await user.type(screen.getByLabelText('姓名'), '张三丰');
    await user.click(within(screen.getByRole('group', { name: '文化程度' })).getByLabelText('初中'));
    await waitFor(async () => expect(await stored(db, person.id)).toMatchObject({ name: '张三丰', education: '初中' }));
    // 调查人 comes from 设置, 调查时间 is today.
    expect(screen.getByLabelText('调查人')).toHaveValue('覃干部');
    expect((screen.getByLabelText('调查时间') as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await db.outbox.where('id').equals(person.id).count()).toBe(1);
  });

  it('checks the ID number as it is typed and shows the sex and age it gives', async () => {
    const { user } = await openNewMember();
    const idField = screen.getByLabelText('身份证号');
    await user.type(idField, VALID_ID_MALE_1990.slice(0, 17) + '1');
    expect(await screen.findByText('身份证号校验位错误')).toBeInTheDocument();
    expect(idField).toHaveAttribute('aria-invalid', 'true');
    await user.clear(idField);
    await user.type(idField, VALID_ID_MALE_1990);
    expect(await screen.findByText(/由身份证号得出：男，\d+ 岁（1990-03-15 出生）/)).toBeInTheDocument();
    await user.click(within(screen.getByRole('group', { name: '性别' })).getByLabelText('女'));
    expect(await screen.findByText('性别与身份证号不符：按身份证号应为男')).toBeInTheDocument();
  });

  it('normalises a lower-case x and shows at once that the number is already on the phone', async () => {
    const { db, household, user } = await openNewMember();
    const other = await addMember(db, household.id);
    await savePerson(db, { ...other, name: '韦明', idNumber: '11010519491231002X' });
    await user.type(screen.getByLabelText('身份证号'), '11010519491231002x');
    expect(screen.getByLabelText('身份证号')).toHaveValue('11010519491231002X');
    const notice = await screen.findByText(/该身份证号已登记/);
    expect(within(notice).getByRole('link', { name: '韦明' })).toHaveAttribute('href', expect.stringContaining(other.id));
  });

  it('lets 从未接受过培训 and 无 clear the other answers', async () => {
    const { db, person, user } = await openNewMember();
    const training = within(screen.getByRole('group', { name: /接受培训情况/ }));
    await user.click(training.getByLabelText('技能培训'));
    await user.click(training.getByLabelText('创业培训'));
    await user.click(training.getByLabelText('从未接受过培训'));
    expect(training.getByLabelText('技能培训')).not.toBeChecked();
    await user.click(training.getByLabelText('技能培训'));
    expect(training.getByLabelText('从未接受过培训')).not.toBeChecked();
    const certificates = within(screen.getByRole('group', { name: /获得技能证书/ }));
    await user.click(certificates.getByLabelText('初级职业资格证书'));
    await user.click(certificates.getByLabelText('无'));
    await waitFor(async () => expect(await stored(db, person.id)).toMatchObject({ trainingReceived: ['技能培训'], certificates: ['无'] }));
  });

  it('follows the person: the employed part for someone at work, the intention part otherwise, losing nothing', async () => {
    const { db, person, user } = await openNewMember();
    const status = within(screen.getByRole('group', { name: '就失业状况' }));
    await user.click(status.getByLabelText('外出务工'));
    expect(screen.getByRole('group', { name: '二、已就业（转移就业）情况' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: '三、未转移就业人员就业意愿' })).toBeNull();
    await user.type(screen.getByLabelText('就业单位名称'), '深圳某电子厂');

    await user.click(status.getByLabelText('在家务农'));
    expect(screen.queryByRole('group', { name: '二、已就业（转移就业）情况' })).toBeNull();
    expect(screen.getByRole('group', { name: '三、未转移就业人员就业意愿' })).toBeInTheDocument();
    await user.click(within(screen.getByRole('group', { name: '是否有就业意愿' })).getByLabelText('是'));
    await waitFor(async () => expect(await stored(db, person.id)).toMatchObject({ employerName: '深圳某电子厂', hasIntention: '是' }));
    expect(screen.getByText(/已就业情况与未转移就业人员就业意愿都有填写/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '清除「已就业（转移就业）情况」' }));
    await waitFor(async () => expect((await stored(db, person.id)).employerName).toBe(''));
    expect(screen.queryByText(/已就业情况与未转移就业人员就业意愿都有填写/)).toBeNull();
  });

  it('opens a text box for 其他请说明 and the cities of the region worked in', async () => {
    const { db, person, user } = await openNewMember();
    await user.click(within(screen.getByRole('group', { name: '就失业状况' })).getByLabelText('外出务工'));
    await user.click(within(screen.getByRole('group', { name: '所在企业及自主创业所属行业' })).getByLabelText('其他请说明'));
    await user.type(screen.getByLabelText('其他行业（请说明）'), '电商');
    const place = within(screen.getByRole('group', { name: '外出务工地' }));
    await user.click(place.getByLabelText('珠三角地区'));
    await user.click(within(screen.getByRole('group', { name: '珠三角地区：城市' })).getByLabelText('东莞'));
    await user.click(place.getByLabelText('其他地区'));
    await user.type(screen.getByLabelText('省'), '福建');
    await waitFor(async () =>
      expect(await stored(db, person.id)).toMatchObject({ industryOther: '电商', migrantRegion: '其他地区', migrantOtherProvince: '福建' }),
    );
  });

  it('offers the region buckets chosen in 设置 and stores which set an answer came from', async () => {
    const { db, person, user } = await openNewMember({ preferences: { regionBucketSet: 'guangxi' } });
    await user.click(within(screen.getByRole('group', { name: '就失业状况' })).getByLabelText('外出务工'));
    const region = within(screen.getByRole('group', { name: '就业所在地' }));
    expect(region.getAllByRole('radio').map((radio) => radio.closest('label')?.textContent)).toEqual(['广东', '非广东区外', '区内市外', '市内县外', '县内']);
    await user.click(region.getByLabelText('非广东区外'));
    await waitFor(async () => expect((await stored(db, person.id)).employmentRegion).toEqual({ set: 'guangxi', value: '非广东区外' }));
  });
});

describe('household screen', () => {
  it('lists the members with their survey state and adds a member', async () => {
    const db = aDatabase();
    const household = await saveHousehold(db, aHousehold({ head: '梁秀英' }));
    const member = await addMember(db, household.id);
    await savePerson(db, { ...member, name: '梁秀英' });
    const user = userEvent.setup();
    renderApp(`/households/${household.id}`, { db });
    const members = await screen.findByRole('list', { name: '家庭成员' });
    expect(within(members).getByText('梁秀英')).toBeInTheDocument();
    expect(within(members).getByText('待完善')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '添加成员' }));
    expect(await screen.findByRole('heading', { name: '河源市贫困劳动力调查表' })).toBeInTheDocument();
    expect(await db.people.where('householdId').equals(household.id).count()).toBe(2);
  });
});

describe('survey form and other writers', () => {
  it('keeps a version that arrived while the form was open, saving only the answers it changed', async () => {
    const { db, person, user } = await openNewMember();
    // Meanwhile, the 帮扶 screen (or the receiver) stores a post spell on the same person.
    const current = (await db.people.get(person.id))!;
    await savePerson(db, { ...current, publicPosts: [{ id: 's1', employer: '新国村委', post: '保洁员', startDate: '2025-03-01', fundingSource: '' }] });
    await user.type(screen.getByLabelText('姓名'), '韦明');
    await waitFor(async () => expect(await stored(db, person.id)).toMatchObject({ name: '韦明', publicPosts: [expect.objectContaining({ post: '保洁员' })] }));
  });

  it('stores an answer changed back to empty', async () => {
    const { db, person, user } = await openNewMember();
    await user.type(screen.getByLabelText('民族'), '瑶族');
    await waitFor(async () => expect((await stored(db, person.id)).ethnicity).toBe('瑶族'));
    await user.clear(screen.getByLabelText('民族'));
    await waitFor(async () => expect((await stored(db, person.id)).ethnicity).toBe(''));
  });
});
