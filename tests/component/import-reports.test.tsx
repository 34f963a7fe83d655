import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveHousehold } from '../../src/db/households';
import { savePerson } from '../../src/db/people';
import { aHousehold, anEmployedPerson } from '../builders';
import { renderApp } from './render-app';

afterEach(() => vi.restoreAllMocks());

/** Catches what the screen hands to the browser as a download. */
function captureDownloads(): { name: string; size: number }[] {
  const downloads: { name: string; size: number }[] = [];
  let lastBlob: Blob | undefined;
  Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: (blob: Blob) => ((lastBlob = blob), 'blob:report') });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, size: lastBlob?.size ?? 0 });
  });
  return downloads;
}

describe('报表', () => {
  it('is reachable from 设置 and the home screen', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await user.click(await screen.findByRole('link', { name: '导入花名册' }));
    expect(await screen.findByRole('heading', { name: '导入花名册', level: 1 })).toBeInTheDocument();
    await user.click(within(screen.getByRole('navigation', { name: '主导航' })).getByRole('link', { name: '设置' }));
    await user.click(await screen.findByRole('link', { name: '报表' }));
    expect(await screen.findByRole('heading', { name: '报表', level: 1 })).toBeInTheDocument();
  });

  it('builds the 明细表 in the analysis API, downloads it under a Chinese name and remembers the 填报 line', async () => {
    const downloads = captureDownloads();
    const user = userEvent.setup();
    const { db, unmount } = renderApp('/reports');
    const household = await saveHousehold(db, aHousehold());
    await savePerson(db, anEmployedPerson({ householdId: household.id }));

    await user.type(await screen.findByLabelText('填报单位'), '融水镇人社所');
    await user.type(screen.getByLabelText('填报人'), '韦建华');
    await user.click(screen.getByRole('button', { name: '导出明细表' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/已生成「明细表-融水镇人社所-\d{8}\.xlsx」（1 人）/);
    expect(downloads).toEqual([{ name: expect.stringMatching(/^明细表-融水镇人社所-\d{8}\.xlsx$/), size: expect.any(Number) }]);
    expect(downloads[0]!.size).toBeGreaterThan(1000);

    await user.click(screen.getByLabelText('按乡镇'));
    await user.click(screen.getByRole('button', { name: '导出汇总表' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/汇总表-按乡镇-融水镇人社所-\d{8}\.xlsx」（1 个分组）/);

    await user.selectOptions(screen.getByLabelText('月份'), '3月');
    await user.click(screen.getByRole('button', { name: '导出月报表' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/月报表-\d{4}年3月-融水镇人社所\.xlsx」（3 个月）/);

    unmount();
    renderApp('/reports', { db });
    expect(await screen.findByLabelText('填报单位')).toHaveValue('融水镇人社所');
    expect(screen.getByText(/融水镇人社所 · 韦建华 · \d{4}-\d{2}-\d{2}/)).toBeInTheDocument();
  });
});
