import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FieldbookDatabase } from '../src/db/database';
import { saveHousehold } from '../src/db/households';
import { addMember, savePerson } from '../src/db/people';
import { aDatabase, aHousehold, anEmployedPerson } from '../tests/builders';
import { createAnalysisApi } from './analysis-api';
import { createPeopleSearch } from './people-search';

const READS = ['get', 'getMany', 'query', 'openCursor', 'count'] as const;

/** Every read that reaches IndexedDB for the records and 设置, as `table.operation`. */
function recordReads(db: FieldbookDatabase): string[] {
  const reads: string[] = [];
  db.use({
    stack: 'dbcore',
    name: 'record-reads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (!['people', 'households', 'settings'].includes(name)) return table;
        const counted = { ...table };
        for (const operation of READS) {
          const original = table[operation] as (request: never) => Promise<never>;
          (counted as Record<string, unknown>)[operation] = (request: never) => {
            reads.push(`${name}.${operation}`);
            return original.call(table, request);
          };
        }
        return counted;
      },
    }),
  });
  return reads;
}

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((search) => search.close()));
});

async function aVillage(db = aDatabase()) {
  const household = await saveHousehold(db, aHousehold({ number: '4502250017', head: '张三丰' }));
  const ids: Record<string, string> = {};
  for (const name of ['张三丰', '张三', '李秀兰']) {
    const member = await addMember(db, household.id);
    await savePerson(db, { ...member, name, phone: name === '李秀兰' ? '13907720001' : '' });
    ids[name] = member.id;
  }
  return { db, household, ids };
}

function aSearch(db: FieldbookDatabase) {
  const search = createPeopleSearch(db);
  opened.push(search);
  return search;
}

const names = (rows: readonly { name: string }[]) => rows.map((row) => row.name);

describe('people search in the worker', () => {
  it('finds people by pinyin initials, full pinyin, phone and household number', async () => {
    const { db } = await aVillage();
    const api = createAnalysisApi(db);
    expect(names(await api.search.people('zsf'))).toEqual(['张三丰']);
    expect(names(await api.search.people('zhang')).sort()).toEqual(['张三', '张三丰']);
    expect(names(await api.search.people('7720001'))).toEqual(['李秀兰']);
    expect(await api.search.people('4502250017')).toHaveLength(3);
    expect(await api.search.people('')).toEqual([]);
  });

  it('answers from memory: a search touches IndexedDB only after a write', async () => {
    const db = aDatabase();
    const reads = recordReads(db);
    const { ids } = await aVillage(db);
    const search = aSearch(db);
    await search.people('zs', 50);
    reads.length = 0;
    for (const query of ['zs', 'zhang', '张', '7720', '4502250017']) await search.people(query, 50);
    await search.list({}, 0, 10);
    expect(reads).toEqual([]);

    const [li] = await db.people.bulkGet([ids['李秀兰']!]);
    await savePerson(db, { ...li!, name: '李秀英' });
    reads.length = 0;
    expect(names(await search.people('lxy', 50))).toEqual(['李秀英']);
    expect(reads).toEqual(['people.getMany']);
    reads.length = 0;
    await search.people('lxy', 50);
    expect(reads).toEqual([]);
  });

  it('finds an edited name, phone and household number at once, and no longer finds the old ones', async () => {
    const { db, household, ids } = await aVillage();
    const search = aSearch(db);
    expect(names(await search.people('lxl', 50))).toEqual(['李秀兰']);

    const [li] = await db.people.bulkGet([ids['李秀兰']!]);
    await savePerson(db, { ...li!, name: '李秀英', phone: '0772-5550123' });
    expect(names(await search.people('lxy', 50))).toEqual(['李秀英']);
    expect(await search.people('lxl', 50)).toEqual([]);
    expect(names(await search.people('07725550', 50))).toEqual(['李秀英']);
    expect(await search.people('7720001', 50)).toEqual([]);

    await saveHousehold(db, { ...household, number: '4502250099' });
    expect(await search.people('4502250099', 50)).toHaveLength(3);
    expect(await search.people('4502250017', 50)).toEqual([]);
  });

  it('forgets a deleted person', async () => {
    const { db, ids } = await aVillage();
    const search = aSearch(db);
    expect(names(await search.people('zs', 50))).toEqual(['张三', '张三丰']);
    await db.people.delete(ids['张三']!);
    expect(names(await search.people('zs', 50))).toEqual(['张三丰']);
    expect((await search.list({}, 0, 10)).total).toBe(2);
  });

  it('follows changes the UI forwards before Dexie notices them', async () => {
    const { db, ids } = await aVillage();
    const search = aSearch(db);
    await search.people('zs', 50);
    // As from another thread: the record changes, and the notice has not arrived yet (written
    // past Dexie, which would otherwise tell this thread's index itself).
    const [zhang] = await db.people.bulkGet([ids['张三']!]);
    await new Promise((resolve, reject) => {
      const transaction = db.backendDB().transaction('people', 'readwrite');
      transaction.objectStore('people').put({ ...zhang!, name: '王五' });
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
    search.noteChanges({ people: [ids['张三']!] });
    expect(names(await search.people('ww', 50))).toEqual(['王五']);
  });
});

describe('the list of everyone', () => {
  async function twoVillages() {
    const db = aDatabase();
    const households = [
      await saveHousehold(db, aHousehold({ village: '新国村', number: '001', head: '覃海' })),
      await saveHousehold(db, aHousehold({ village: '安太村', number: '002', head: '韦明' })),
    ];
    const ids: Record<string, string> = {};
    const people: [number, string][] = [[0, '覃海'], [0, '阿英'], [1, '韦明'], [1, '白云'], [0, '张三']];
    for (const [household, name] of people) {
      const member = await addMember(db, households[household]!.id);
      await savePerson(db, { ...member, name });
      ids[name] = member.id;
    }
    return { db, households, ids };
  }

  it('lists everyone by village and name, a page at a time, with the household and survey state', async () => {
    const { db } = await twoVillages();
    const search = aSearch(db);
    const first = await search.list({}, 0, 3);
    expect(first.total).toBe(5);
    expect(first.villages).toEqual(['安太村', '新国村']);
    expect(names(first.rows)).toEqual(['白云', '韦明', '阿英']);
    expect(first.rows[0]).toMatchObject({ village: '安太村', householdHead: '韦明', householdNumber: '002', state: '待完善' });
    expect(names((await search.list({}, 3, 3)).rows)).toEqual(['覃海', '张三']);
    expect((await search.list({}, 5, 3)).rows).toEqual([]);
  });

  it('lists one village, and gives its ids', async () => {
    const { db, ids } = await twoVillages();
    const search = aSearch(db);
    const village = await search.list({ village: '新国村' }, 1, 10);
    expect(village.total).toBe(3);
    expect(names(village.rows)).toEqual(['覃海', '张三']);
    expect(await search.ids({ village: '安太村' })).toEqual([ids['白云'], ids['韦明']]);
    expect(await search.ids({ village: '无此村' })).toEqual([]);
    expect(await search.ids({})).toHaveLength(5);
  });

  it('keeps the list in order as people are renamed, added, moved and removed', async () => {
    const { db, households, ids } = await twoVillages();
    const search = aSearch(db);
    await search.list({}, 0, 10);
    const [haiRecord] = await db.people.bulkGet([ids['覃海']!]);
    await savePerson(db, { ...haiRecord!, name: '艾海' });
    const added = await addMember(db, households[1]!.id);
    await savePerson(db, { ...added, name: '陈红' });
    await saveHousehold(db, { ...households[0]!, village: '安太村' });
    await db.people.delete(ids['韦明']!);
    const { rows, total, villages } = await search.list({}, 0, 10);
    expect(total).toBe(5);
    expect(villages).toEqual(['安太村']);
    expect(names(rows)).toEqual(['阿英', '艾海', '白云', '陈红', '张三']);
  });

  it('judges the survey state again on a new day', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-05-10T09:00:00'));
      const db = aDatabase();
      const household = await saveHousehold(db, aHousehold());
      // Typed as 36: right until the birthday in the ID number (15 March) comes round again.
      await savePerson(db, anEmployedPerson({ householdId: household.id, age: 36 }));
      const search = aSearch(db);
      const before = (await search.list({}, 0, 1)).rows[0]!.state;
      vi.setSystemTime(new Date('2027-03-16T09:00:00'));
      const after = (await search.list({}, 0, 1)).rows[0]!.state;
      expect([before, after]).toEqual(['已完成', '待完善']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the stored index', () => {
  it('starts from the stored index and catches up with what was written while search was not running', async () => {
    const { db, household, ids } = await aVillage();
    const first = createPeopleSearch(db);
    await first.people('zs', 50);
    await first.close();
    expect(((await db.derived.get('peopleSearchIndex'))?.value as { people: { count: number } }).people.count).toBe(3);

    const [li] = await db.people.bulkGet([ids['李秀兰']!]);
    await savePerson(db, { ...li!, name: '李秀梅' });
    const added = await addMember(db, household.id);
    await savePerson(db, { ...added, name: '王五' });
    const second = aSearch(db);
    expect(names(await second.people('lxm', 50))).toEqual(['李秀梅']);
    expect(names(await second.people('ww', 50))).toEqual(['王五']);
    expect((await second.list({}, 0, 10)).total).toBe(4);
  });

  it('lists people under their household\'s new village when it changed while search was not running', async () => {
    const { db, household } = await aVillage();
    const first = createPeopleSearch(db);
    await first.list({}, 0, 10);
    await first.close();

    await saveHousehold(db, { ...household, village: '安太村', number: '4502250099' });
    const second = aSearch(db);
    expect((await second.list({ village: '安太村' }, 0, 10)).total).toBe(3);
    expect(await second.people('4502250099', 50)).toHaveLength(3);
  });

  it('does not store the index again when nothing changed, and rebuilds a damaged one', async () => {
    const { db } = await aVillage();
    const first = createPeopleSearch(db);
    await first.people('zs', 50);
    await first.close();

    const second = createPeopleSearch(db);
    const writes = vi.spyOn(db.derived, 'put');
    await second.people('zs', 50);
    await second.close();
    expect(writes).not.toHaveBeenCalled();

    const stored = (await db.derived.get('peopleSearchIndex'))!.value as { people: { count: number } };
    await db.derived.put({ key: 'peopleSearchIndex', value: { ...stored, people: { ...stored.people, count: 7 } } });
    const third = aSearch(db);
    expect(names(await third.people('zs', 50))).toEqual(['张三', '张三丰']);
  });

  it('reads everything again when a person was deleted while search was not running', async () => {
    const { db, ids } = await aVillage();
    const first = createPeopleSearch(db);
    await first.people('zs', 50);
    await first.close();

    await db.people.delete(ids['张三']!);
    const second = aSearch(db);
    // The first answer comes from the stored index; the counts, checked after it, disagree.
    await second.people('zs', 50);
    await expect.poll(async () => names(await second.people('zs', 50))).toEqual(['张三丰']);
  });
});
