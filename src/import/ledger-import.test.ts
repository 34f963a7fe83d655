import { describe, expect, it } from 'vitest';
import { aLedgerRow, buildLedgerWorkbook, toCells, toXlsxBuffer } from '../../tests/fixtures/ledger-workbook';
import { createPerson } from '../domain/person';
import { formatIssue } from './import-plan';
import { isLedgerSheet, planLedgerImport, readLedgerRows } from './ledger-import';
import { openSpreadsheet } from './open-spreadsheet';
import { anId } from './roster-fixtures';
import { ImportFileError } from './sheet';

const TODAY = '2026-05-31';
const NOW = new Date('2026-05-20T08:00:00Z');

async function ledgerBytes(rows = [aLedgerRow()], build?: Parameters<typeof buildLedgerWorkbook>[1]): Promise<Uint8Array> {
  return new Uint8Array(await toXlsxBuffer(buildLedgerWorkbook(rows.map(toCells), build).workbook));
}

describe('recognising an official 明细表', () => {
  it('tells a 附件2-1 workbook from a roster', async () => {
    const ledger = await openSpreadsheet(await ledgerBytes(), '明细表.xlsx');
    expect(ledger.sheets.some(isLedgerSheet)).toBe(true);
    const roster = { name: '花名册', rows: [['姓名', '身份证号', '村'].map((text) => ({ text }))], merges: [] };
    expect(isLedgerSheet(roster)).toBe(false);
  });

  it('reads its rows with the shared reader, and passes on its complaints in Chinese', async () => {
    const { rows } = await readLedgerRows(await ledgerBytes([aLedgerRow(), aLedgerRow({ name: '韦明', idNumber: anId('2001-06-01', '021') })]), '明细表.xlsx');
    expect(rows.map((row) => row.name)).toEqual(['梁秀英', '韦明']);

    const merged = buildLedgerWorkbook([toCells(aLedgerRow()), toCells(aLedgerRow({ idNumber: anId('2001-06-01', '021') }))]);
    const sheet = merged.workbook.worksheets.at(-1)!;
    sheet.mergeCells(merged.dataRows[0]!, 2, merged.dataRows[1]!, 2);
    const error = await readLedgerRows(new Uint8Array(await toXlsxBuffer(merged.workbook)), '明细表.xlsx').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).message).toContain('数据区有合并单元格');
  });
});

describe('planLedgerImport', () => {
  it('adds new people each with a household of their own, ids derived from the ID number', () => {
    const plan = planLedgerImport([aLedgerRow()], { people: [], households: [] }, TODAY, NOW);
    expect(plan.summary).toMatchObject({ added: 1, updated: 0, errorRows: 0, householdsAdded: 1 });
    expect(plan.people[0]).toMatchObject({ newId: expect.stringMatching(/^ledger-p-/), householdKey: expect.stringMatching(/^ledger-h-/), status: 'new' });
    expect(plan.households[0]?.fields).toMatchObject({ county: '融水县', township: '融水镇', village: '新国村', head: '梁秀英' });
  });

  it('updates a person already on the phone in their own household, only the fields that change', () => {
    const stored = createPerson({ id: 'p1', householdId: 'h1', name: '梁秀英', idNumber: anId(), phone: '13900000000' }, NOW);
    const household = { id: 'h1', county: '融水县', township: '融水镇', village: '新国村', group: '一组', number: 'H001', head: '梁大', povertyAlleviated: true, monitored: false, relocated: false, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() };
    const plan = planLedgerImport([aLedgerRow()], { people: [stored], households: [household] }, TODAY, NOW);
    expect(plan.summary).toMatchObject({ added: 0, updated: 1 });
    expect(plan.people[0]).toMatchObject({ existingId: 'p1', householdKey: 'h1', status: 'update' });
    expect(plan.people[0]?.fields).toMatchObject({ phone: '13907721234', employerName: '融水县苗韵食品有限公司' });
    expect(plan.people[0]?.fields).not.toHaveProperty('name');
    expect(plan.households).toEqual([expect.objectContaining({ existingId: 'h1', changed: false })]);
  });

  it('refuses bad rows with the row number and column, and a person listed twice', () => {
    const plan = planLedgerImport(
      [
        aLedgerRow({ row: 6, idNumber: '4.50225E+17' }),
        aLedgerRow({ row: 7 }),
        aLedgerRow({ row: 8 }),
        aLedgerRow({ row: 9, idNumber: anId('2001-06-01', '021'), monitored: '是', monitorType: '' }),
      ],
      { people: [], households: [] },
      TODAY,
      NOW,
    );
    expect(plan.issues.map(formatIssue)).toEqual([
      '第 6 行 身份证号：「4.50225E+17」被 Excel 存成了数字，后几位已丢失：请把该列设为文本，重新填写身份证号',
      '第 8 行 身份证号：与第 7 行重复（同一个人只导入第一行）',
      '第 9 行 监测对象类型：是监测对象但未填监测对象类型：应为脱贫不稳定户、边缘易致贫户、突发严重困难户之一',
    ]);
    expect(plan.summary).toMatchObject({ added: 1, errorRows: 3 });
  });
});
