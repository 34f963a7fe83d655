import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { FieldbookDatabase } from '../../src/db/database';
import { saveHousehold } from '../../src/db/households';
import { addMember, savePerson } from '../../src/db/people';
import { aDatabase, aHousehold, aPerson } from '../builders';
import { renderApp } from './render-app';

async function aVillage(db: FieldbookDatabase, village: string, names: readonly string[]) {
  const household = await saveHousehold(db, aHousehold({ village, head: names[0] }));
  const people = [];
  for (const name of names) people.push(await savePerson(db, { ...(await addMember(db, household.id)), name }));
  return people;
}

/** The names on the rows shown (the title's first text, before the survey state). */
const rowNames = (list: HTMLElement) => within(list).queryAllByRole('link').map((link) => link.querySelector('.list-title')?.firstChild?.textContent);

describe('人员', () => {
  it('lists everyone by village and name, and fetches further rows as the list scrolls', async () => {
    const db = aDatabase();
    const household = await saveHousehold(db, aHousehold({ village: '新国村' }));
    // Latin names sort as text: P001 … P450.
    await db.people.bulkPut(Array.from({ length: 450 }, (_, index) => aPerson({ householdId: household.id, name: `P${String(index + 1).padStart(3, '0')}` })));
    renderApp('/people', { db });
    expect(await screen.findByText('共 450 人')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: '人员列表' });
    await waitFor(() => expect(rowNames(list)[0]).toBe('P001'));
    expect(rowNames(list).length).toBeLessThan(40);

    // jsdom does not scroll: the list's box (its role=list element) says where it is.
    Object.defineProperty(list, 'scrollTop', { configurable: true, value: 84 * 400 });
    fireEvent.scroll(list);
    await waitFor(() => expect(rowNames(list)).toContain('P401'));
    expect(rowNames(list)).not.toContain('P001');
  });

  it('finds people as the user types, and follows an edit made while it shows them', async () => {
    const db = aDatabase();
    const [zhang] = await aVillage(db, '新国村', ['张三丰', '李秀兰']);
    const user = userEvent.setup();
    renderApp('/people', { db });
    expect(await screen.findByText('共 2 人')).toBeInTheDocument();

    await user.type(screen.getByLabelText(/^查找/), 'zsf');
    expect(await screen.findByText('找到 1 人（查找「zsf」）')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: '人员列表' });
    expect(rowNames(list)).toEqual(['张三丰']);

    await savePerson(db, { ...zhang!, name: '赵四方' });
    await waitFor(() => expect(rowNames(list)).toEqual(['赵四方']));

    await user.clear(screen.getByLabelText(/^查找/));
    expect(await screen.findByText('共 2 人')).toBeInTheDocument();
    await waitFor(() => expect(rowNames(list)).toEqual(['李秀兰', '赵四方']));
  });

  it('says so when no one matches', async () => {
    const db = aDatabase();
    await aVillage(db, '新国村', ['张三丰']);
    const user = userEvent.setup();
    renderApp('/people', { db });
    await user.type(await screen.findByLabelText(/^查找/), '王五');
    expect(await screen.findByText('找到 0 人（查找「王五」）')).toBeInTheDocument();
  });
});

describe('集体帮扶登记', () => {
  it('lists the people of the chosen village and selects them all', async () => {
    const db = aDatabase();
    await aVillage(db, '新国村', ['韦明', '覃芳']);
    await aVillage(db, '安太村', ['梁强']);
    const user = userEvent.setup();
    renderApp('/services/group', { db });
    const list = await screen.findByRole('list', { name: '参加人员' });
    await waitFor(() => expect(within(list).getAllByRole('checkbox')).toHaveLength(3));

    await user.selectOptions(screen.getByLabelText('按村（社区）筛选'), '新国村');
    await waitFor(() => expect(within(list).getAllByRole('checkbox')).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: '全选本村' }));
    expect(await screen.findByRole('button', { name: '为选中的 2 人记录' })).toBeInTheDocument();
    expect(within(list).getByLabelText(/韦明/)).toBeChecked();
    expect(within(list).getByLabelText(/覃芳/)).toBeChecked();
  });
});
