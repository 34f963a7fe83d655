import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ledgerHouseholdId, ledgerPersonId } from '../src/domain/ledger-mapping';
import type { LedgerRow } from '../src/domain/ledger-row';
import type { Revision } from '../src/domain/revision';
import type { LedgerWorkbook } from '../src/excel/read-ledger';
import { aLedgerRow, anIdNumber, writeLedgerFile } from '../tests/fixtures/ledger-workbook';
import { runFieldbook } from '../tests/fixtures/run-fieldbook';
import { aHouseholdRevision, aPersonRevision } from '../tests/server/builders';
import { closeTestStores, describeEachStore, SQLITE } from '../tests/server/stores';
import { IMPORT_DEVICE, importLedgers, planLedgerImport, readStoreSnapshot } from './import-command';
import { openStore } from './store/open-store';
import type { Store } from './store/store';

const EVERYWHERE = { level: 'all', name: '全部' } as const;
const NOW = new Date('2026-06-01T02:00:00.000Z');
const OPTIONS = { now: NOW, reportDate: '2026-06-01' };

/** Every revision in the store, oldest first. */
async function allRevisions(store: Store): Promise<Revision[]> {
  const revisions: Revision[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page = await store.changesSince(cursor, EVERYWHERE, 2000);
    revisions.push(...page.revisions);
    cursor = page.cursor;
    if (!page.more) return revisions;
  }
}

const aLedger = (rows: LedgerRow[], file = '明细表.xlsx'): LedgerWorkbook => ({ file, sheet: '附件2-1', rows });
const WEI = anIdNumber('1988-07-01', '031');
const LIANG = anIdNumber();

/** Two people, rows 6 and 7. */
const twoPeople = () => [aLedgerRow({ row: 6, serial: '1' }), aLedgerRow({ row: 7, serial: '2', name: '韦明', idNumber: WEI, village: '安太村', employmentRegion: '广东', monthsEmployed: '5' })];

describeEachStore((adapter) => {
  afterEach(closeTestStores);

  it('adds each new person with a household of their own, as revisions from device import', async () => {
    const { store } = await adapter.open();
    const { plan, rejected } = await importLedgers(store, [aLedger(twoPeople())], OPTIONS);
    expect([plan.added, plan.updated, plan.unchanged, plan.problems, rejected]).toEqual([2, 0, 0, [], []]);

    const revisions = await allRevisions(store);
    expect(revisions.map((revision) => [revision.kind, revision.id, revision.device, revision.parent])).toEqual([
      ['household', ledgerHouseholdId(LIANG), IMPORT_DEVICE, null],
      ['person', ledgerPersonId(LIANG), IMPORT_DEVICE, null],
      ['household', ledgerHouseholdId(WEI), IMPORT_DEVICE, null],
      ['person', ledgerPersonId(WEI), IMPORT_DEVICE, null],
    ]);
    expect(revisions[2]!.data).toMatchObject({ head: '韦明', village: '安太村', povertyAlleviated: true });
    expect(revisions[3]!.data).toMatchObject({ name: '韦明', idNumber: WEI, householdId: ledgerHouseholdId(WEI), workStatus: '外出务工', monthsEmployedThisYear: 5 });
    const clocks = revisions.map((revision) => revision.hlc);
    expect([...clocks].sort()).toEqual(clocks);
    expect(new Set(clocks).size).toBe(4);
  });

  it('adds nothing when the same file comes again', async () => {
    const { store } = await adapter.open();
    await importLedgers(store, [aLedger(twoPeople())], OPTIONS);
    const { plan } = await importLedgers(store, [aLedger(twoPeople())], { ...OPTIONS, now: new Date('2026-06-02T02:00:00.000Z') });
    expect([plan.added, plan.updated, plan.unchanged, plan.revisions]).toEqual([0, 0, 2, []]);
    expect(await allRevisions(store)).toHaveLength(4);
  });

  it('updates a person created on a phone in place: same record, same household, parent their current revision', async () => {
    const { store } = await adapter.open();
    const home = aHouseholdRevision({ head: '梁秀英' });
    const phone = aPersonRevision(home.id, { name: '梁秀英', idNumber: LIANG.toLowerCase(), ethnicity: '苗族', workStatus: '在家务农', hasIntention: '是', nearTermPlan: '外出务工' });
    await store.storeRevisions([home, phone], EVERYWHERE);

    const { plan } = await importLedgers(store, [aLedger([aLedgerRow({ row: 6, monitored: '是', monitorType: '脱贫不稳定户' })])], OPTIONS);
    expect([plan.added, plan.updated]).toEqual([0, 1]);

    const snapshot = await readStoreSnapshot(store);
    expect([...snapshot.people.keys()]).toEqual([phone.id]);
    const person = snapshot.people.get(phone.id)!;
    expect([person.device, person.hlc > phone.hlc]).toEqual([IMPORT_DEVICE, true]);
    expect(person.data).toMatchObject({ householdId: home.id, ethnicity: '苗族', workStatus: '就近就业', employmentRegion: { value: '县内' }, nearTermPlan: '' });
    expect(person.data?.hasIntention).toBeUndefined();
    expect(snapshot.households.get(home.id)?.data).toMatchObject({ monitored: true, monitorType: '脱贫不稳定户', head: '梁秀英' });
    const written = (await allRevisions(store)).filter((revision) => revision.device === IMPORT_DEVICE);
    expect(written.map((revision) => [revision.kind, revision.id, revision.parent])).toEqual([
      ['household', home.id, home.rev],
      ['person', phone.id, phone.rev],
    ]);
  });

  it('follows an edited row with a revision whose parent is the earlier import', async () => {
    const { store } = await adapter.open();
    await importLedgers(store, [aLedger(twoPeople())], OPTIONS);
    const before = await readStoreSnapshot(store);
    const edited = twoPeople();
    edited[0] = { ...edited[0]!, phone: '13800772000' };
    const { plan } = await importLedgers(store, [aLedger(edited)], { ...OPTIONS, now: new Date('2026-06-02T02:00:00.000Z') });
    expect([plan.added, plan.updated, plan.unchanged]).toEqual([0, 1, 1]);
    expect(plan.revisions.map((revision) => [revision.kind, revision.parent])).toEqual([['person', before.people.get(ledgerPersonId(LIANG))!.rev]]);
  });
});

describe('planLedgerImport', () => {
  afterEach(closeTestStores);

  it('skips a row whose ID number came earlier, naming the first row', async () => {
    const { store } = await SQLITE.open();
    const plan = planLedgerImport([aLedger([aLedgerRow({ row: 6 })]), aLedger([aLedgerRow({ row: 9, name: '梁秀' })], '第二份.xlsx')], await readStoreSnapshot(store), OPTIONS);
    expect(plan.added).toBe(1);
    expect(plan.problems).toEqual([{ file: '第二份.xlsx', row: 9, reasons: ['第 9 行 身份证号：与明细表.xlsx 第 6 行重复，同一人只导入第一行'] }]);
  });

  it('skips an ID number that two people on the receiver share', async () => {
    const { store } = await SQLITE.open();
    const home = aHouseholdRevision();
    await store.storeRevisions([home, aPersonRevision(home.id, { idNumber: LIANG }), aPersonRevision(home.id, { idNumber: LIANG })], EVERYWHERE);
    const plan = planLedgerImport([aLedger([aLedgerRow({ row: 6 })])], await readStoreSnapshot(store), OPTIONS);
    expect(plan.problems.map((problem) => problem.reasons)).toEqual([['第 6 行 身份证号：接收端已有 2 人使用这个身份证号，请先在手机上处理重复人员']]);
    expect(plan.revisions).toEqual([]);
  });

  it('starts its clock after every stored revision, even one from a phone whose clock runs ahead', async () => {
    const { store } = await SQLITE.open();
    const home = aHouseholdRevision({}, { hlc: '0zzzzzzzzzz-00000-phone' });
    await store.storeRevisions([home], EVERYWHERE);
    const plan = planLedgerImport([aLedger([aLedgerRow({ row: 6 })])], await readStoreSnapshot(store), OPTIONS);
    expect(plan.revisions.every((revision) => revision.hlc > home.hlc)).toBe(true);
  });
});

// Each run starts node and tsx; on a shared, busy machine that alone can take seconds.
describe('fieldbook import', { timeout: 30_000 }, () => {
  let directory = '';
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'fieldbook-import-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const countRevisions = async (file: string) => {
    const store = await openStore({ kind: 'sqlite', file });
    try {
      return (await allRevisions(store)).length;
    } finally {
      await store.close();
    }
  };

  it('imports into the FIELDBOOK_DATA store, reports skipped rows with their numbers, and adds nothing the second time', async () => {
    const data = join(directory, 'first.db');
    const env = { FIELDBOOK_DATA: data, DATABASE_URL: '' };
    const ledger = await writeLedgerFile(directory, '融水镇.xlsx', [
      aLedgerRow({ serial: '1' }),
      aLedgerRow({ serial: '2', idNumber: '450225199003150138', name: '韦明' }),
      aLedgerRow({ serial: '3', idNumber: WEI, name: '覃丽', employmentRegion: '', monthsEmployed: '0', noIntentionReason: '照顾家庭' }),
    ]);

    const first = await runFieldbook(['import', ledger], env);
    expect(first.stdout).toContain('新增 2 人，更新 0 人，跳过 1 行（未变化 0 行，有问题 1 行）');
    expect(first.stdout).toContain('  第 7 行 身份证号：「450225199003150138」校验位错误');
    expect(first.stdout).toContain(`数据：${data}`);
    expect(first.stdout).toContain('added 2, updated 0, skipped 1 (unchanged 0, problems 1)');
    expect(first.code).toBe(1);
    expect(await countRevisions(data)).toBe(4);

    const again = await runFieldbook(['import', ledger], env);
    expect(again.stdout).toContain('新增 0 人，更新 0 人，跳过 3 行（未变化 2 行，有问题 1 行）');
    expect(await countRevisions(data)).toBe(4);
  });

  it('exits 0 when every row is in', async () => {
    const data = join(directory, 'clean.db');
    const run = await runFieldbook(['import', await writeLedgerFile(directory, '干净.xlsx', [aLedgerRow()])], { FIELDBOOK_DATA: data, DATABASE_URL: '' });
    expect([run.code, run.stderr]).toEqual([0, '']);
  });

  it('exits 2 on a corrupt file, storing nothing from the other files either', async () => {
    const data = join(directory, 'corrupt.db');
    const env = { FIELDBOOK_DATA: data, DATABASE_URL: '' };
    const good = await writeLedgerFile(directory, '好的.xlsx', [aLedgerRow()]);
    await runFieldbook(['import', good], env);
    const before = await countRevisions(data);

    const broken = join(directory, '坏的.xlsx');
    await writeFile(broken, 'PK\u0003\u0004 not really a workbook');
    const other = await writeLedgerFile(directory, '另一份.xlsx', [aLedgerRow({ idNumber: WEI, name: '韦明' })]);
    const run = await runFieldbook(['import', other, broken], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^无法读取 .*坏的\.xlsx：文件已损坏或不是 \.xlsx 工作簿.*，未导入任何数据\ncannot read .*坏的\.xlsx: the file is corrupt/);
    expect(run.stdout).toBe('');
    expect(await countRevisions(data)).toBe(before);
  });

  it('exits 2 with the usage when no file is given', async () => {
    const run = await runFieldbook(['import'], { DATABASE_URL: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('请给出明细表文件');
  });
});
