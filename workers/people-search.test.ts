import { describe, expect, it } from 'vitest';
import { saveHousehold } from '../src/db/households';
import { addMember, savePerson } from '../src/db/people';
import { aDatabase, aHousehold } from '../tests/builders';
import { createAnalysisApi } from './analysis-api';
import { PeopleSearchIndex } from './people-search-index';

async function aVillage() {
  const db = aDatabase();
  const household = await saveHousehold(db, aHousehold({ number: '4502250017', head: '张三丰' }));
  const names = ['张三丰', '张三', '李秀兰'];
  for (const name of names) {
    const member = await addMember(db, household.id);
    await savePerson(db, { ...member, name, phone: name === '李秀兰' ? '13907720001' : '' });
  }
  return db;
}

describe('people search in the worker', () => {
  it('finds people by pinyin initials, full pinyin, phone and household number', async () => {
    const api = createAnalysisApi(await aVillage());
    expect((await api.search.people('zsf')).map((row) => row.name)).toEqual(['张三丰']);
    expect((await api.search.people('zhang')).map((row) => row.name).sort()).toEqual(['张三', '张三丰']);
    expect((await api.search.people('7720001')).map((row) => row.name)).toEqual(['李秀兰']);
    expect((await api.search.people('4502250017')).length).toBe(3);
  });

  it('lists everyone, with village and survey state, when the box is empty', async () => {
    const rows = await createAnalysisApi(await aVillage()).search.people('');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ village: '新国村', householdHead: '张三丰', state: '待完善' });
  });

  it('follows edits without rebuilding, and starts from the persisted index', async () => {
    const db = await aVillage();
    const index = new PeopleSearchIndex(db);
    expect((await index.entries()).map((entry) => entry.pinyinInitials).sort()).toEqual(['lxl', 'zs', 'zsf']);
    const [li] = await db.people.where('name').equals('李秀兰').toArray();
    await savePerson(db, { ...li!, name: '李秀英' });
    expect((await index.entries()).find((entry) => entry.id === li!.id)?.pinyinInitials).toBe('lxy');
    // Two writes in the same millisecond: the second must not be missed.
    const sameMoment = new Date('2030-01-01T00:00:00.000Z');
    const [zhang] = await db.people.where('name').equals('张三').toArray();
    await savePerson(db, { ...li!, name: '李秀梅' }, sameMoment);
    await index.entries();
    await savePerson(db, { ...zhang!, name: '张小三' }, sameMoment);
    expect((await index.entries()).map((entry) => entry.name).sort()).toEqual(['张三丰', '张小三', '李秀梅'].sort());
    await index.persist();

    const stored = (await db.derived.get('peopleSearchIndex'))?.value as { entries: unknown[] };
    expect(stored.entries).toHaveLength(3);
    const reloaded = new PeopleSearchIndex(db);
    expect((await reloaded.entries()).map((entry) => entry.name).sort()).toEqual(['张三丰', '张小三', '李秀梅'].sort());
  });
});
