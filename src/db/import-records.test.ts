import { describe, expect, it } from 'vitest';
import { aDatabase } from '../../tests/builders';
import { anId, aRosterLine, ROSTER_HEADER } from '../import/roster-fixtures';
import { defaultGrouping, guessMapping } from '../import/roster-fields';
import { planRosterImport } from '../import/roster-rows';
import { readRosterTable } from '../import/roster-table';
import type { Sheet } from '../import/sheet';
import type { ImportPlan } from '../import/import-plan';
import type { FieldbookDatabase } from './database';
import { importRecords, loadImportContext, loadRemembered, saveRemembered } from './import-records';

const TODAY = '2026-05-01';

function aRoster(lines: string[][]): Sheet {
  return { name: '花名册', rows: [[...ROSTER_HEADER], ...lines].map((cells) => cells.map((text) => ({ text }))), merges: [] };
}

async function planFor(db: FieldbookDatabase, lines: string[][]) {
  const table = readRosterTable(aRoster(lines));
  const mapping = guessMapping(table.headers);
  return planRosterImport(table, mapping, defaultGrouping(mapping), await loadImportContext(db), TODAY);
}

const FAMILY = [aRosterLine(), aRosterLine({ 姓名: '韦明', 与户主关系: '子', 身份证号码: anId('2001-06-01', '021') })];

describe('importRecords', () => {
  it('writes households, people and one outbox revision for each, reporting progress', async () => {
    const db = aDatabase();
    const progress: [number, number][] = [];
    const result = await importRecords(db, await planFor(db, FAMILY), { onProgress: (done, total) => progress.push([done, total]) });
    expect(result).toEqual({ added: 2, updated: 0, householdsWritten: 1 });
    const [household] = await db.households.toArray();
    expect(household).toMatchObject({ number: 'H001', head: '梁秀英', village: '新国村', group: '一组' });
    const people = await db.people.orderBy('name').toArray();
    expect(people.map((person) => [person.name, person.householdId, person.sex])).toEqual([
      ['梁秀英', household!.id, '男'],
      ['韦明', household!.id, '男'],
    ]);
    const outbox = await db.outbox.toArray();
    expect(outbox.map((entry) => entry.kind).sort()).toEqual(['household', 'person', 'person']);
    expect(progress.at(-1)).toEqual([3, 3]);
  });

  it('writes a village-sized roster in bulk, moving the progress bar as it goes', async () => {
    const db = aDatabase();
    const lines = Array.from({ length: 1_200 }, (_, index) =>
      aRosterLine({ 户编号: `H${Math.floor(index / 3)}`, 户主姓名: `户主${Math.floor(index / 3)}`, 姓名: `村民${index}`, 身份证号码: anId(new Date(Date.UTC(1960, 0, 1) + index * 86_400_000).toISOString().slice(0, 10)) }),
    );
    const plan = await planFor(db, lines);
    expect(plan.summary).toMatchObject({ added: 1_200, errorRows: 0 });
    const progress: [number, number][] = [];
    expect(await importRecords(db, plan, { onProgress: (done, total) => progress.push([done, total]) })).toEqual({ added: 1_200, updated: 0, householdsWritten: 400 });
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual([1_600, 1_600]);
    expect(await db.people.count()).toBe(1_200);
    expect(await db.households.count()).toBe(400);
    expect(await db.outbox.count()).toBe(1_600);
    const clocks = (await db.outbox.orderBy('seq').toArray()).map((entry) => entry.hlc);
    expect(new Set(clocks).size).toBe(1_600);
    expect([...clocks].sort()).toEqual(clocks);
  });

  it('keeps 零就业家庭 current from the members imported and those already on the phone', async () => {
    const db = aDatabase();
    await importRecords(db, await planFor(db, FAMILY));
    const [household] = await db.households.toArray();
    const [liang, wei] = await Promise.all([db.people.where('idNumber').equals(anId()).first(), db.people.where('name').equals('韦明').first()]);
    await db.people.bulkPut([{ ...liang!, workStatus: '在家务农' }, { ...wei!, workStatus: '外出务工' }]);
    await db.outbox.clear();
    const plan: Pick<ImportPlan, 'households' | 'people'> = {
      households: [{ key: 'h', existingId: household!.id, fields: {}, changed: false }],
      people: [{ row: 2, idNumber: wei!.idNumber, existingId: wei!.id, householdKey: 'h', fields: { workStatus: '在家务农' }, status: 'update' }],
    };
    await importRecords(db, plan, { now: new Date('2026-05-10T08:00:00') });
    expect((await db.households.get(household!.id))?.zeroEmploymentSince).toBe('2026-05-10');
    expect((await db.outbox.toArray()).map((entry) => [entry.kind, entry.id])).toEqual([
      ['household', household!.id],
      ['person', wei!.id],
    ]);
  });

  it('updates people matched by 身份证号 on a second import instead of adding them again', async () => {
    const db = aDatabase();
    await importRecords(db, await planFor(db, FAMILY));
    const again = await planFor(db, [aRosterLine({ 联系电话: '13800000000' }), FAMILY[1]!]);
    expect(again.summary).toMatchObject({ added: 0, updated: 1, unchanged: 1, householdsAdded: 0 });
    expect(await importRecords(db, again)).toEqual({ added: 0, updated: 1, householdsWritten: 0 });
    expect(await db.people.count()).toBe(2);
    expect(await db.households.count()).toBe(1);
    expect((await db.people.where('idNumber').equals(anId()).first())?.phone).toBe('13800000000');
  });

  it('keeps what the phone has in fields the roster leaves blank', async () => {
    const db = aDatabase();
    await importRecords(db, await planFor(db, FAMILY));
    await importRecords(db, await planFor(db, [aRosterLine({ 联系电话: '' })]));
    expect((await db.people.where('idNumber').equals(anId()).first())?.phone).toBe('13907721234');
  });

  it('matches a person who arrived after the plan was made (by sync) instead of duplicating them', async () => {
    const db = aDatabase();
    const plan = await planFor(db, FAMILY);
    const other = aDatabase();
    await importRecords(other, await planFor(other, [FAMILY[0]!]));
    const arrived = (await other.people.toArray())[0]!;
    await db.households.put((await other.households.toArray())[0]!);
    await db.people.put(arrived);
    await importRecords(db, plan);
    expect(await db.people.count()).toBe(2);
    expect(await db.people.get(arrived.id)).toBeDefined();
  });

  it('writes nothing at all when one record fails mid-way', async () => {
    const db = aDatabase();
    const plan = await planFor(db, FAMILY);
    let written = 0;
    db.people.hook('creating', () => {
      written += 1;
      if (written === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(importRecords(db, plan)).rejects.toThrow();
    expect(await db.people.count()).toBe(0);
    expect(await db.households.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('remembered settings', () => {
  it('returns the restored default until something is saved, then what was saved', async () => {
    const db = aDatabase();
    const restore = (stored: unknown) => (typeof stored === 'string' ? stored : '');
    expect(await loadRemembered(db, 'import.test', restore)).toBe('');
    await saveRemembered(db, 'import.test', '融水镇');
    expect(await loadRemembered(db, 'import.test', restore)).toBe('融水镇');
  });
});
