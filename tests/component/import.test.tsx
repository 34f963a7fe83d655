import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aRosterLine, anId, aWorkbook, ROSTER_HEADER, toCsv, utf8WithBom, withWrongCheckDigit } from '../../src/import/roster-fixtures';
import { aLedgerRow, buildLedgerWorkbook, toCells, toXlsxBuffer } from '../fixtures/ledger-workbook';
import { renderApp } from './render-app';

function csvFile(rows: string[][], name = '花名册.csv'): File {
  return new File([new Uint8Array(utf8WithBom(toCsv(rows)))], name, { type: 'text/csv' });
}

const FAMILY = [
  aRosterLine(),
  aRosterLine({ 姓名: '韦明', 与户主关系: '子', 身份证号码: anId('2001-06-01', '021') }),
  aRosterLine({ 户编号: 'H002', 户主姓名: '覃海', 姓名: '覃海', 身份证号码: withWrongCheckDigit(anId('1975-01-09', '035')) }),
];

async function pick(user: ReturnType<typeof userEvent.setup>, file: File) {
  await user.upload(await screen.findByLabelText('花名册文件（.xlsx 或 .csv）'), file);
}

function figure(label: string): string {
  const summary = screen.getByLabelText('导入汇总');
  const term = within(summary).getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

describe('导入花名册', () => {
  it('previews, maps, lists row errors, imports nothing until accepted, then writes the valid rows', async () => {
    const user = userEvent.setup();
    const { db } = renderApp('/import');
    await pick(user, csvFile([[...ROSTER_HEADER], ...FAMILY]));

    const preview = await screen.findByRole('region', { name: '前 3 行预览' });
    expect(within(preview).getByText('韦明')).toBeInTheDocument();
    // The column picker follows the preview a frame later.
    expect(await screen.findByLabelText('姓名')).toHaveDisplayValue('C 列 · 姓名');
    expect(screen.getByLabelText('身份证号')).toHaveDisplayValue('E 列 · 身份证号码');
    expect(screen.getByLabelText('分户方式')).toHaveDisplayValue('按户编号分户');

    // Checked in the import's worker: the report follows the preview.
    expect(await screen.findByText('第 4 行 身份证号：校验位错误')).toBeInTheDocument();
    expect(figure('新增')).toBe('2 人');
    expect(figure('有错误')).toBe('1 行');
    expect(await db.people.count()).toBe(0);

    await user.click(screen.getByRole('button', { name: '跳过错误，导入 2 人' }));
    expect(await screen.findByRole('status')).toHaveTextContent('已导入：新增 2 人，更新 0 人，写入 1 户');
    expect((await db.people.toArray()).map((person) => person.name).sort()).toEqual(['梁秀英', '韦明']);
    expect(await db.households.count()).toBe(1);
    expect(await db.outbox.count()).toBe(3);
  });

  it('updates people on a second import of the roster instead of adding them again', async () => {
    const user = userEvent.setup();
    const { db } = renderApp('/import');
    await pick(user, csvFile([[...ROSTER_HEADER], ...FAMILY.slice(0, 2)]));
    await user.click(await screen.findByRole('button', { name: '确认导入 2 人' }));
    await screen.findByRole('status');

    await user.click(screen.getByRole('button', { name: '再导入一个文件' }));
    await pick(user, csvFile([[...ROSTER_HEADER], aRosterLine({ 联系电话: '13800000000' }), FAMILY[1]!]));
    await screen.findByRole('region', { name: '前 2 行预览' });
    await screen.findByLabelText('导入汇总');
    expect(figure('新增')).toBe('0 人');
    expect(figure('更新')).toBe('1 人');
    expect(figure('无变化')).toBe('1 人');
    await user.click(screen.getByRole('button', { name: '确认导入 1 人' }));
    expect(await screen.findByRole('status')).toHaveTextContent('已导入：新增 0 人，更新 1 人');
    expect(await db.people.count()).toBe(2);
    expect(await db.households.count()).toBe(1);
    expect((await db.people.where('idNumber').equals(anId()).first())?.phone).toBe('13800000000');
  });

  it('remembers a column the clerk mapped by hand for the next file with that header', async () => {
    const user = userEvent.setup();
    const { db } = renderApp('/import');
    const rows = [['人员', '证件', '村'], ['梁秀英', anId(), '新国村']];
    await pick(user, csvFile(rows));
    expect(await screen.findByText('还没有指定“姓名”“身份证号”在哪一列：请在下面选择')).toHaveAttribute('role', 'alert');
    expect(await screen.findByLabelText('分户方式')).toHaveDisplayValue('每行一户');
    expect(screen.getByText(/每行将作为单独一户导入/)).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('姓名'), 'A 列 · 人员');
    await user.selectOptions(screen.getByLabelText('身份证号'), 'B 列 · 证件');
    await waitFor(() => expect(figure('新增')).toBe('1 人'));
    await user.click(screen.getByRole('button', { name: '换一个文件' }));

    await pick(user, csvFile(rows, '第二个.csv'));
    await screen.findByRole('region', { name: '前 1 行预览' });
    expect(await screen.findByLabelText('姓名')).toHaveDisplayValue('A 列 · 人员');
    expect(screen.getByLabelText('身份证号')).toHaveDisplayValue('B 列 · 证件');
    expect(await db.people.count()).toBe(0);
  });

  it('offers the sheets of a workbook, says when the chosen one has no roster header, and flags IDs stored as numbers', async () => {
    const user = userEvent.setup();
    renderApp('/import');
    const bytes = await aWorkbook({ 说明: [['本表为花名册'], ['请勿改动']], 花名册: [['姓名', '身份证号'], ['梁秀英', Number(anId())]] });
    await pick(user, new File([new Uint8Array(bytes)], '花名册.xlsx'));
    const sheet = await screen.findByLabelText('工作表');
    expect(sheet).toHaveDisplayValue('花名册');
    expect(await screen.findByText('第 2 行 身份证号：以数字格式保存，后几位已丢失（显示为 4.50225E+17）：请把该列设为“文本”后重新录入')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /确认导入|跳过错误/ })).toBeNull();
    expect(screen.getByText('所有行都有错误：请改好文件后重新选择。')).toBeInTheDocument();

    await user.selectOptions(sheet, '说明');
    await waitFor(() => expect(screen.getAllByRole('alert')[0]).toHaveTextContent('工作表「说明」前 20 行里没有找到花名册的表头（姓名、身份证号……）；工作表「花名册」像是花名册，请换到那里'));
  });

  it("lists a long file's errors a page at a time", async () => {
    const user = userEvent.setup();
    renderApp('/import');
    const born = (index: number) => new Date(Date.UTC(1960, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
    const lines = Array.from({ length: 130 }, (_, index) => aRosterLine({ 户编号: `H${index}`, 姓名: `村民${index}`, 身份证号码: withWrongCheckDigit(anId(born(index))) }));
    await pick(user, csvFile([[...ROSTER_HEADER], ...lines]));
    expect(await screen.findByText('第 2 行 身份证号：校验位错误')).toBeInTheDocument();
    const pages = screen.getByRole('group', { name: '错误分页' });
    expect(pages).toHaveTextContent('第 1–100 条，共 130 条');
    expect(screen.queryByText('第 131 行 身份证号：校验位错误')).toBeNull();
    await user.click(within(pages).getByRole('button', { name: '下一页' }));
    expect(await screen.findByText('第 131 行 身份证号：校验位错误')).toBeInTheDocument();
    expect(screen.queryByText('第 2 行 身份证号：校验位错误')).toBeNull();
    expect(pages).toHaveTextContent('第 101–130 条，共 130 条');
    expect(within(pages).getByRole('button', { name: '下一页' })).toBeDisabled();
  });

  it('explains a file it cannot read and leaves the phone untouched', async () => {
    const user = userEvent.setup();
    const { db } = renderApp('/import');
    await pick(user, new File([Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 9, 9, 9])], '花名册.xlsx'));
    expect(await screen.findByRole('alert')).toHaveTextContent('文件已损坏或不是 .xlsx 工作簿');
    expect(await db.people.count()).toBe(0);
  });

  it('recognises an official 明细表 and imports it with the ledger rules', async () => {
    const user = userEvent.setup();
    const { db } = renderApp('/import');
    const rows = [aLedgerRow(), aLedgerRow({ name: '韦明', idNumber: anId('2001-06-01', '021'), labourAbility: '强劳动力' })];
    const bytes = await toXlsxBuffer(buildLedgerWorkbook(rows.map(toCells)).workbook);
    await pick(user, new File([new Uint8Array(bytes)], '明细表.xlsx'));
    expect(await screen.findByText(/识别为官方《明细表》（附件2-1）/)).toBeInTheDocument();
    expect(screen.queryByLabelText('姓名')).toBeNull();
    expect(await screen.findByText(/第 \d+ 行 劳动能力情况：「强劳动力」不是可选值/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '跳过错误，导入 1 人' }));
    expect(await screen.findByRole('status')).toHaveTextContent('新增 1 人');
    expect(await db.people.toArray()).toEqual([expect.objectContaining({ name: '梁秀英', employerName: '融水县苗韵食品有限公司', workStatus: '就近就业' })]);
  });
});
