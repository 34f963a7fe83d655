import { expose, proxy, wrap, type Remote } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { aDatabase } from '../tests/builders';
import type { FieldbookDatabase } from '../src/db/database';
import { anId, aRosterLine, ROSTER_HEADER, toCsv, utf8WithBom, withWrongCheckDigit } from '../src/import/roster-fixtures';
import { createRosterImportApi, type RosterImportApi } from './roster-import-api';

const TODAY = '2026-05-01';
const ports: MessagePort[] = [];

afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

/** The API as the import screen reaches it: over a message port, as with the worker, every argument and answer cloned. */
function connect(db: FieldbookDatabase): Remote<RosterImportApi> {
  const channel = new MessageChannel();
  ports.push(channel.port1, channel.port2);
  expose(createRosterImportApi((name) => (name === db.name ? db : aDatabase())), channel.port1);
  return wrap<RosterImportApi>(channel.port2);
}

function csv(lines: string[][]): Blob {
  return new Blob([new Uint8Array(utf8WithBom(toCsv([[...ROSTER_HEADER], ...lines])))], { type: 'text/csv' });
}

const FAMILY = [aRosterLine(), aRosterLine({ 姓名: '韦明', 与户主关系: '子', 身份证号码: anId('2001-06-01', '021') })];

describe('roster import worker API', () => {
  it('reads a picked file, plans it and writes it, telling the screen how far it has got', async () => {
    const db = aDatabase();
    const api = connect(db);
    const broken = aRosterLine({ 户编号: 'H002', 户主姓名: '覃海', 姓名: '覃海', 身份证号码: withWrongCheckDigit(anId('1975-01-09', '035')) });
    const opened = await api.open(csv([...FAMILY, broken]), '花名册.csv', { database: db.name, reportDate: TODAY });
    expect(opened).toEqual({ ok: true, file: expect.objectContaining({ name: '花名册.csv', kind: 'csv', sheets: ['花名册'], rosterSheet: 0 }) });

    const sheet = await api.sheet(0);
    expect(sheet).toMatchObject({ headerRow: 1, rowCount: 3, headers: [...ROSTER_HEADER] });
    expect(sheet.preview.map((row) => row.cells[2])).toEqual(['梁秀英', '韦明', '覃海']);

    const plan = await api.plan({ kind: 'roster', sheet: 0, mapping: { householdNumber: 1, headName: 2, name: 3, relationship: 4, idNumber: 5, phone: 6, county: 7, township: 8, village: 9, group: 10 }, grouping: 'householdNumber' });
    expect(plan).toMatchObject({ source: 'roster', errors: 1, summary: { added: 2, errorRows: 1 } });
    expect(await api.issues(plan.id, 'error', 0, 10)).toEqual(['第 4 行 身份证号：校验位错误']);
    expect(await db.people.count()).toBe(0);

    const progress: number[] = [];
    const result = await api.write(plan.id, proxy((done: number) => void progress.push(done)));
    expect(result).toEqual({ added: 2, updated: 0, householdsWritten: 1 });
    expect(progress.at(-1)).toBe(3);
    expect((await db.people.toArray()).map((person) => person.name).sort()).toEqual(['梁秀英', '韦明']);
  });

  it('refuses to write a plan that a newer one has replaced', async () => {
    const db = aDatabase();
    const api = connect(db);
    await api.open(csv(FAMILY), '花名册.csv', { database: db.name, reportDate: TODAY });
    const mapping = { name: 3, idNumber: 5 };
    const older = await api.plan({ kind: 'roster', sheet: 0, mapping, grouping: 'row' });
    const newer = await api.plan({ kind: 'roster', sheet: 0, mapping: { ...mapping, householdNumber: 1 }, grouping: 'householdNumber' });
    await expect(api.write(older.id)).rejects.toThrow(/no longer the current one/);
    expect(await db.people.count()).toBe(0);
    expect(await api.write(newer.id)).toMatchObject({ added: 2, householdsWritten: 1 });
  });

  it("says in Chinese why a file can't be read", async () => {
    const db = aDatabase();
    const api = connect(db);
    expect(await api.open(new Blob([]), '花名册.csv', { database: db.name, reportDate: TODAY })).toEqual({ ok: false, message: '文件是空的（0 字节）' });
    expect(await api.open(new Blob([Uint8Array.from([0x50, 0x4b, 3, 4, 9, 9])]), '花名册.xlsx', { database: db.name, reportDate: TODAY })).toEqual({
      ok: false,
      message: expect.stringContaining('文件已损坏或不是 .xlsx 工作簿'),
    });
  });
});
