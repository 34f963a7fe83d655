import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importRecords, loadImportContext } from '../src/db/import-records';
import { saveHousehold } from '../src/db/households';
import { savePerson } from '../src/db/people';
import type { FieldbookDatabase } from '../src/db/database';
import { toLedgerRow } from '../src/domain/ledger-mapping';
import type { LedgerRow } from '../src/domain/ledger-row';
import { planLedgerImport, readLedgerRows } from '../src/import/ledger-import';
import { anId } from '../src/import/roster-fixtures';
import { aDatabase, aHousehold, aPerson, anEmployedPerson } from '../tests/builders';
import { someEvents } from '../tests/builders/events';
import { createAnalysisApi } from './analysis-api';
import { buildLedgerRows, type ReportHeader } from './reports';

const HEADER: ReportHeader = { unit: '融水镇人社所', filler: '韦建华', phone: '0772-5123456', reportDate: '2026-05-31' };
const NOW = new Date('2026-05-20T08:00:00Z');

/** Two villages, three people: employed, wanting work, not wanting work; services for one. */
async function aTownship(db: FieldbookDatabase) {
  const xinguo = await saveHousehold(db, aHousehold({ village: '新国村', number: 'H001', relocated: true }), NOW);
  const daping = await saveHousehold(db, aHousehold({ village: '大坪村', number: 'H002', head: '覃海', monitored: true, monitorType: '边缘易致贫户' }), NOW);
  await savePerson(db, anEmployedPerson({ id: 'p-employed', householdId: xinguo.id, workStatus: '就近就业', phone: '13907721234', labourAbility: '普通劳动力', isStudent: '否', employedSince: '2026-03', employerName: '融水县苗韵食品有限公司', employmentRegion: { set: 'guangxi', value: '县内' }, remarks: '已稳岗' }), NOW);
  await savePerson(db, aPerson({ id: 'p-wants', householdId: xinguo.id, name: '韦明', idNumber: anId('2001-06-01', '021'), workStatus: '其他', labourAbility: '普通劳动力', hasIntention: '是', intendedRegion: { set: 'guangxi', value: '广东' }, intendedEmployerType: '民营企业', expectedPay: '4000元', nearTermPlan: '年后外出', assistanceContact: '韦建华', assistanceContactPhone: '0772-5123456' }), NOW);
  await savePerson(db, aPerson({ id: 'p-ill', householdId: daping.id, name: '覃海', idNumber: anId('1975-01-09', '035'), workStatus: '其他', labourAbility: '弱劳动力', hasIntention: '否', noIntentionReason: '重病' }), NOW);
  await db.events.bulkPut(someEvents({ 职业指导: 2, 岗位推介: 3 }, 'p-wants'));
}

async function openWorkbook(bytes: ArrayBuffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  return workbook.worksheets[0]!;
}

/** What a 明细表 row says without the service tallies, which are events the import does not create. */
const SERVICE_AND_POSITION: readonly string[] = ['row', 'serial', 'guidanceCount', 'referralCount', 'internship', 'training'];

function withoutServices(row: LedgerRow): Partial<LedgerRow> {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !SERVICE_AND_POSITION.includes(key)));
}

describe('reports.build', () => {
  it('exports the 明细表 with the 填报 line, people in address order and IDs as text', async () => {
    const db = aDatabase();
    await aTownship(db);
    const file = await createAnalysisApi(db).reports.build({ kind: 'ledger', header: HEADER });
    expect(file.fileName).toBe('明细表-融水镇人社所-20260531.xlsx');
    expect(file.rows).toBe(3);
    const sheet = await openWorkbook(file.bytes);
    expect(String(sheet.getCell(2, 1).value)).toMatch(/^填报单位：融水镇人社所\s+填报人：韦建华\s+联系电话：0772-5123456\s+填报时间：2026年5月31日$/);
    expect([6, 7, 8].map((row) => sheet.getCell(row, 4).value)).toEqual(['大坪村', '新国村', '新国村']);
    expect(sheet.getCell(6, 5).value).toBe('覃海');
    expect(sheet.getCell(6, 6).value).toBe(anId('1975-01-09', '035'));
    expect(sheet.getCell(6, 6).numFmt).toBe('@');
    expect(sheet.getCell(6, 1).value).toBe(1);
  });

  it('comes back the same records: export 明细表 → import on another phone → the same rows', async () => {
    const source = aDatabase();
    await aTownship(source);
    const file = await createAnalysisApi(source).reports.build({ kind: 'ledger', header: HEADER });

    const target = aDatabase();
    const { rows } = await readLedgerRows(new Uint8Array(file.bytes), file.fileName);
    const plan = planLedgerImport(rows, await loadImportContext(target), HEADER.reportDate, NOW);
    expect(plan.issues).toEqual([]);
    expect(plan.summary).toMatchObject({ added: 3, errorRows: 0 });
    await importRecords(target, plan, { now: NOW });

    // The 明细表 has no household column: each imported person gets a household of their own, so compare by person.
    const byId = (a: Partial<LedgerRow>, b: Partial<LedgerRow>) => String(a.idNumber).localeCompare(String(b.idNumber));
    const before = buildLedgerRows(await recordsOf(source), HEADER.reportDate).map(withoutServices).sort(byId);
    const after = buildLedgerRows(await recordsOf(target), HEADER.reportDate).map(withoutServices).sort(byId);
    expect(after).toEqual(before);

    // Imported again where it came from: nothing new, nothing changed.
    const again = planLedgerImport(rows, await loadImportContext(source), HEADER.reportDate, NOW);
    expect(again.summary).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
  });

  it('exports the 汇总表 with a 合计 row then one row per village, from toLedgerRow of every person', async () => {
    const db = aDatabase();
    await aTownship(db);
    const file = await createAnalysisApi(db).reports.build({ kind: 'summary', header: HEADER, by: '村' });
    expect(file.fileName).toBe('汇总表-按村-融水镇人社所-20260531.xlsx');
    const sheet = await openWorkbook(file.bytes);
    expect(String(sheet.getCell(2, 1).value)).toMatch(/^填报单位：融水镇人社所\s+填报人：韦建华\s+联系电话：0772-5123456\s+填报时间：2026年5月31日$/);
    const firstDataRow = 7;
    const rowValues = (row: number) => [sheet.getCell(row, 2).value, sheet.getCell(row, 3).value];
    expect([rowValues(firstDataRow), rowValues(firstDataRow + 1), rowValues(firstDataRow + 2)]).toEqual([
      ['合计', 3],
      ['大坪村', 1],
      ['新国村', 2],
    ]);
  });

  it('exports the 月报表 of the chosen year up to the chosen month, 填报单位 filled', async () => {
    const db = aDatabase();
    await aTownship(db);
    const file = await createAnalysisApi(db).reports.build({ kind: 'monthly', header: HEADER, year: 2026, month: 5 });
    expect(file.fileName).toBe('月报表-2026年5月-融水镇人社所.xlsx');
    expect(file.rows).toBe(5);
    const sheet = await openWorkbook(file.bytes);
    expect(String(sheet.getCell(2, 1).value)).toContain('填报单位：融水镇人社所');
    expect(sheet.getCell(6, 1).value).toBe('2026年1月');
    expect(sheet.getCell(11, 1).value).toBe('累计');
  });

  it('counts services in the 明细表 only up to the report date', async () => {
    const db = aDatabase();
    await aTownship(db);
    const records = await recordsOf(db);
    const wants = records.people.find((person) => person.id === 'p-wants')!;
    const household = records.households.find((candidate) => candidate.id === wants.householdId)!;
    expect(toLedgerRow(wants, household, records.events, { reportDate: '2026-05-31' })).toMatchObject({ guidanceCount: '2', referralCount: '3' });
    expect(toLedgerRow(wants, household, records.events, { reportDate: '2026-05-01' })).toMatchObject({ guidanceCount: '0', referralCount: '0' });
  });
});

async function recordsOf(db: FieldbookDatabase) {
  return { households: await db.households.toArray(), people: await db.people.toArray(), events: await db.events.toArray() };
}
