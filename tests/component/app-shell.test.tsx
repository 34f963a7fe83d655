import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { saveHousehold } from '../../src/db/households';
import { aHousehold } from '../builders';
import { renderApp } from './render-app';

function figure(label: string): HTMLElement {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling as HTMLElement;
}

describe('home screen', () => {
  it('shows the figures the analysis API computes, and follows new records', async () => {
    const { db } = renderApp('/');
    await waitFor(() => expect(figure('户数')).toHaveTextContent('0'));
    await saveHousehold(db, aHousehold());
    await waitFor(() => expect(figure('户数')).toHaveTextContent('1'));
    expect(figure('未同步')).toHaveTextContent('1');
    expect(figure('已调查')).toHaveTextContent('0');
  });

  it('reaches every screen from the tab bar', async () => {
    const user = userEvent.setup();
    renderApp('/');
    const nav = screen.getByRole('navigation', { name: '主导航' });
    await user.click(within(nav).getByRole('link', { name: '设置' }));
    expect(await screen.findByRole('heading', { name: '设置' })).toBeInTheDocument();
    await user.click(within(nav).getByRole('link', { name: '入户' }));
    expect(await screen.findByRole('heading', { name: '户列表' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: '入户' })).toHaveAttribute('aria-current', 'page');
  });
});

describe('household form', () => {
  it('adds a household that then appears in the list', async () => {
    const user = userEvent.setup();
    const { db } = renderApp('/households/new');
    await user.type(await screen.findByLabelText('村（社区）'), '新国村');
    await user.type(screen.getByLabelText(/户主/), '梁秀英');
    await user.click(screen.getByLabelText('易地扶贫搬迁安置户'));
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByRole('heading', { name: '户主 梁秀英' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: '入户' }));
    expect(await screen.findByText('户主 梁秀英')).toBeInTheDocument();
    expect(screen.getByText(/新国村/)).toBeInTheDocument();
    expect(await db.households.toArray()).toEqual([expect.objectContaining({ head: '梁秀英', village: '新国村', relocated: true })]);
  });

  it('says next to the field what is missing and stores nothing', async () => {
    const user = userEvent.setup();
    const { db } = renderApp('/households/new');
    await user.click(await screen.findByLabelText('监测对象'));
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('请填写户主姓名')).toBeInTheDocument();
    expect(screen.getByLabelText(/户主/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('监测对象须选择监测对象类型')).toBeInTheDocument();
    expect(await db.households.count()).toBe(0);
  });

  it('edits an existing household in place', async () => {
    const user = userEvent.setup();
    const { db } = renderApp('/households');
    const household = await saveHousehold(db, aHousehold({ head: '韦明' }));
    await user.click(await screen.findByRole('link', { name: /户主 韦明/ }));
    await user.click(await screen.findByRole('link', { name: '编辑户信息' }));
    const head = await screen.findByDisplayValue('韦明');
    await user.clear(head);
    await user.type(head, '韦明亮');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByRole('heading', { name: '户主 韦明亮' })).toBeInTheDocument();
    expect(await db.households.count()).toBe(1);
    expect((await db.households.get(household.id))?.head).toBe('韦明亮');
  });

  it('tells the cadre in Chinese when the phone is full, and keeps what was typed', async () => {
    const user = userEvent.setup();
    const { db } = renderApp('/households/new');
    db.households.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await user.type(await screen.findByLabelText(/户主/), '梁秀英');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('手机存储空间已满，本次填写未保存');
    expect(screen.getByLabelText(/户主/)).toHaveValue('梁秀英');
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('settings screen', () => {
  it('shows whether storage is persistent and how much of the quota is used', async () => {
    const storage = {
      persisted: async () => true,
      persist: async () => true,
      estimate: async () => ({ usage: 5 * 1024 * 1024, quota: 500 * 1024 * 1024 }),
      getDirectory: async () => {
        throw new Error('unused');
      },
    } satisfies StorageManager;
    renderApp('/settings', { storage });
    expect(await screen.findByText(/^已开启/)).toBeInTheDocument();
    expect(screen.getByText('已用 5.0 MB，共 500.0 MB（1%）')).toBeInTheDocument();
  });

  it('warns when the browser refused persistent storage', async () => {
    const storage = {
      persisted: async () => false,
      persist: async () => false,
      estimate: async () => ({ usage: 0, quota: 100 }),
      getDirectory: async () => {
        throw new Error('unused');
      },
    } satisfies StorageManager;
    renderApp('/settings', { storage });
    expect(await screen.findByText(/^未开启：手机空间不足时浏览器可能清除本机数据/)).toBeInTheDocument();
  });
});
