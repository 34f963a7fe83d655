import { describe, expect, it } from 'vitest';
import { normalizeSearchQuery, PersonMatcher, type SearchEntry } from './person-search';

type Numbers = Partial<Pick<SearchEntry, 'idNumber' | 'phone' | 'householdNumber'>>;

function buildEntry(id: string, name: string, numbers: Numbers = {}): SearchEntry {
  return { id, name, idNumber: '', phone: '', householdNumber: '', ...numbers };
}

function searchPeople(entries: readonly SearchEntry[], query: string, limit?: number) {
  return new PersonMatcher(entries).find(query, limit);
}

const PEOPLE: readonly SearchEntry[] = [
  buildEntry('zsf', '张三丰', { idNumber: '110101199003071234', phone: '13800001111', householdNumber: '001' }),
  buildEntry('zs', '张三', { idNumber: '110101198512120417', phone: '13900002222', householdNumber: '002' }),
  buildEntry('lzs', '李张三', { idNumber: '450102198506123456', phone: '0762-3388123', householdNumber: '012' }),
  buildEntry('sxx', '单雄信', { idNumber: '45010219700101002X', phone: '13712349999', householdNumber: '101' }),
  buildEntry('lb', '吕布', { idNumber: '110101123400000011', phone: '15812340000', householdNumber: '0011' }),
  buildEntry('wxm', '王小明', { householdNumber: 'A-07' }),
];

/** hits as `id/matchedOn`, best first */
function describeHits(query: string, limit?: number, people: readonly SearchEntry[] = PEOPLE): string[] {
  return listHits(searchPeople(people, query, limit));
}

describe('search query normalisation', () => {
  it.each([
    ['trims and lower-cases', '  ZhangSan ', 'zhangsan'],
    ['drops inner spaces, full-width ones too', 'zhang\u3000san feng', 'zhangsanfeng'],
    ['turns full-width digits and letters into ASCII', '１２３４Ｘ', '1234x'],
    ['keeps the x of an ID number as x', '45010219700101002X', '45010219700101002x'],
    ['writes ü as v', 'lü', 'lv'],
    ['leaves Han characters alone', ' 张三 ', '张三'],
  ])('%s', (_name, raw, expected) => {
    expect(normalizeSearchQuery(raw)).toBe(expected);
  });
});

describe('people search', () => {
  it.each([
    ['finds 张三丰 by zsf', 'zsf', ['zsf/initials']],
    ['ranks exact initials above initials that start with the query', 'zs', ['zs/initials', 'zsf/initials']],
    ['finds everyone whose pinyin starts with zhang', 'zhang', ['zsf/pinyin', 'zs/pinyin']],
    ['finds by zhangsan, in list order when the match is equally good', 'zhangsan', ['zsf/pinyin', 'zs/pinyin']],
    ['finds 张三丰 by zhangsanfeng', 'zhangsanfeng', ['zsf/pinyin']],
    ['ignores case and spaces in pinyin', ' Zhang San ', ['zsf/pinyin', 'zs/pinyin']],
    ['reads the surname 单 as shan', 'shan', ['sxx/pinyin']],
    ['finds ü typed as v', 'lvbu', ['lb/pinyin']],
    ['ranks the exact name above a longer name with that prefix, and that above a name containing it', '张三', ['zs/name', 'zsf/name', 'lzs/name']],
    ['finds names that contain the query in list order', '三', ['zsf/name', 'zs/name', 'lzs/name']],
    [
      'finds a person by the last 4 digits of the ID, above IDs holding them in the middle and above phones',
      '1234',
      ['zsf/idNumber', 'lzs/idNumber', 'lb/idNumber', 'sxx/phone'],
    ],
    ['reads full-width digits', '１２３４', ['zsf/idNumber', 'lzs/idNumber', 'lb/idNumber', 'sxx/phone']],
    ['finds an ID ending in X typed as x', '002x', ['sxx/idNumber']],
    ['finds a person by the whole ID', '110101199003071234', ['zsf/idNumber']],
    ['finds a person by a phone fragment', '2222', ['zs/phone']],
    ['finds a landline typed without its hyphen', '07623388', ['lzs/phone']],
    ['finds a landline typed with its hyphen', '0762-3388', ['lzs/phone']],
    ['finds a person by household number, the exact number above a longer one', '001', ['zsf/householdNumber', 'lb/householdNumber']],
    ['finds a household number with letters typed in lower case', 'a-07', ['wxm/householdNumber']],
    ['does not look for ID or phone fragments shorter than 4 digits', '123', []],
    ['finds nothing for a name nobody has', '赵六', []],
  ])('%s', (_name, query, expected) => {
    expect(describeHits(query)).toEqual(expected);
  });

  it.each([
    ['an empty query finds nothing', ''],
    ['a query of spaces finds nothing', ' \u3000 '],
  ])('%s', (_name, query) => {
    expect(searchPeople(PEOPLE, query)).toEqual([]);
  });

  it.each([
    ['returns at most limit hits', '张三', 2, ['zs/name', 'zsf/name']],
    ['returns nothing for a limit of 0', '张三', 0, []],
    ['cuts through a tier in list order', '1234', 2, ['zsf/idNumber', 'lzs/idNumber']],
  ])('%s', (_name, query, limit, expected) => {
    expect(describeHits(query, limit)).toEqual(expected);
  });

  it('lists a person once, with their best match', () => {
    const ids = searchPeople(PEOPLE, '1234').map((hit) => hit.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('scores a better match higher', () => {
    const scores = searchPeople(PEOPLE, '张三').map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(scores).size).toBe(3);
  });

  it('returns 50 hits by default', () => {
    const many = Array.from({ length: 80 }, (_, index) => buildEntry(`p${index}`, '张伟'));
    expect(searchPeople(many, 'zw')).toHaveLength(50);
  });

  it.each([
    ['an exact name found after the list is full of longer names', '张三', 'exact'],
    ['exact initials found after the list is full of longer initials', 'zs', 'exact'],
    ['an ID ending in the query found after the list is full of middle fragments', '5678', 'exact'],
  ])('keeps %s', (_name, query, lateId) => {
    const crowd = Array.from({ length: 20 }, (_, index) => buildEntry(`p${index}`, '张三丰', { idNumber: '110101567800000011' }));
    const late = buildEntry(lateId, '张三', { idNumber: '110101199003075678' });
    expect(searchPeople([...crowd, late], query, 5)[0]?.id).toBe(lateId);
  });
});

describe('people search over names with several readings', () => {
  const PEOPLE_WITH_READINGS = [buildEntry('sxx', '单雄信'), buildEntry('zgf', '曾国藩'), buildEntry('qy', '覃英'), buildEntry('mll', '缪乐乐')];

  it.each([
    ['the surname reading', 'shanxiongxin', ['sxx/pinyin']],
    ['another reading of the surname', 'danxiong', ['sxx/pinyin']],
    ['initials of the surname reading', 'sxx', ['sxx/initials']],
    ['initials of another reading', 'dxx', ['sxx/initials']],
    ['曾 as zeng', 'zengguo', ['zgf/pinyin']],
    ['曾 as ceng', 'cengguo', ['zgf/pinyin']],
    ['覃 as qin', 'qinying', ['qy/pinyin']],
    ['覃 as tan', 'ty', ['qy/initials']],
    // 缪 has five readings and 乐 four: too many spellings to list, matched syllable by syllable.
    ['a name read syllable by syllable, in full', 'miaoyuele', ['mll/pinyin']],
    ['a name read syllable by syllable, cut inside a syllable', 'miaoyu', ['mll/pinyin']],
    ['a name read syllable by syllable, by initials', 'myl', ['mll/initials']],
    ['a name read syllable by syllable, by the first initials', 'my', ['mll/initials']],
  ])('finds a person by %s', (_name, query, expected) => {
    expect(describeHits(query, undefined, PEOPLE_WITH_READINGS)).toEqual(expected);
  });

  it.each([
    ['a spelling no reading gives', 'miaoyuexiao'],
    ['initials longer than the name', 'myll'],
  ])('finds no one by %s', (_name, query) => {
    expect(describeHits(query, undefined, PEOPLE_WITH_READINGS)).toEqual([]);
  });

  it('ranks a name read syllable by syllable among the others, in list order', () => {
    const people = [buildEntry('a', '缪乐乐'), buildEntry('b', '苗月'), buildEntry('c', '缪乐乐')];
    expect(describeHits('miaoyue', undefined, people)).toEqual(['a/pinyin', 'b/pinyin', 'c/pinyin']);
  });
});

describe('people search after edits', () => {
  it('finds an edited name at once and no longer finds the old one', () => {
    const matcher = new PersonMatcher(PEOPLE);
    matcher.put({ ...PEOPLE[1]!, name: '欧阳修' });
    expect(matcher.find('oyx').map((hit) => hit.id)).toEqual(['zs']);
    expect(matcher.find('张三').map((hit) => hit.id)).toEqual(['zsf', 'lzs']);
  });

  it('keeps an edited person in their place among equal matches', () => {
    const matcher = new PersonMatcher(PEOPLE);
    matcher.put({ ...PEOPLE[0]!, phone: '13900009999' });
    expect(matcher.find('zhang').map((hit) => hit.id)).toEqual(['zsf', 'zs']);
    expect(matcher.find('9999').map((hit) => hit.id)).toEqual(['zsf', 'sxx']);
  });

  it('finds an edited phone, ID and household number at once', () => {
    const matcher = new PersonMatcher(PEOPLE);
    matcher.put({ ...PEOPLE[5]!, phone: '0771-5551234', idNumber: '450102200001015555', householdNumber: 'B-09' });
    expect(listHits(matcher.find('07715551'))).toEqual(['wxm/phone']);
    expect(listHits(matcher.find('5555'))).toEqual(['wxm/idNumber']);
    expect(listHits(matcher.find('b-09'))).toEqual(['wxm/householdNumber']);
  });

  it('no longer finds a removed person, and finds one added after', () => {
    const matcher = new PersonMatcher(PEOPLE);
    matcher.remove('zsf');
    expect(matcher.find('zs').map((hit) => hit.id)).toEqual(['zs']);
    matcher.put(buildEntry('new', '张三丰'));
    expect(matcher.find('zs').map((hit) => hit.id)).toEqual(['zs', 'new']);
    expect(matcher.size).toBe(PEOPLE.length);
  });
});

function listHits(hits: readonly { id: string; matchedOn: string }[]): string[] {
  return hits.map((hit) => `${hit.id}/${hit.matchedOn}`);
}
