import { describe, expect, it } from 'vitest';
import { readingsOf, readNameSyllables, spellName } from './pinyin';

const spell = (name: string) => spellName(readNameSyllables(name), 64);

describe('character readings', () => {
  it.each([
    ['a common character', '张', ['zhang']],
    ['the first of GB 2312 (its pinyin-ordered level)', '啊', ['a']],
    ['ü as v', '女', ['nv', 'ru']],
  ])('reads %s', (_name, character, readings) => {
    expect(readingsOf(character.codePointAt(0)!)).toEqual(readings);
  });

  it.each([
    ['单', ['dan', 'shan', 'chan']],
    ['曾', ['zeng', 'ceng']],
    ['解', ['jie', 'xie']],
    ['区', ['qu', 'ou']],
    ['仇', ['chou', 'qiu']],
    ['朴', ['pu', 'po', 'piao']],
    ['覃', ['qin', 'tan']],
    ['尉', ['wei', 'yu']],
    ['长', ['chang', 'zhang']],
  ])('gives every reading of %s, the most common first', (character, readings) => {
    expect(readingsOf(character.codePointAt(0)!)).toEqual(readings);
  });

  it.each([
    ['堃 kun', '堃', 'k', 'kun'],
    ['鿏 mai (an element, added late to the block)', '鿏', 'm', 'mai'],
    ['犇 ben', '犇', 'b', 'ben'],
    ['祎 yi', '祎', 'y', 'yi'],
  ])('reads a character outside GB 2312 as every syllable with the initial of its reading: %s', (_name, character, initial, reading) => {
    const readings = readingsOf(character.codePointAt(0)!);
    expect(readings).toContain(reading);
    expect(readings.length).toBeGreaterThan(5);
    expect(readings.every((syllable) => syllable.startsWith(initial))).toBe(true);
  });

  it.each([
    ['䶮 (extension A, in 通用规范汉字表)', '䶮', 'yan'],
    ['𬌗 (extension E, in 通用规范汉字表)', '𬌗', 'he'],
    ['〇', '〇', 'ling'],
  ])('reads a name character outside the basic block: %s', (_name, character, reading) => {
    expect(readingsOf(character.codePointAt(0)!)).toContain(reading);
  });

  it.each([
    ['a Latin letter', 'a'],
    ['a digit', '1'],
    ['the middle dot of a transliterated name', '·'],
    ['a kana', 'あ'],
  ])('has no reading for %s', (_name, character) => {
    expect(readingsOf(character.codePointAt(0)!)).toEqual([]);
  });
});

describe('name spellings', () => {
  it.each([
    ['spells a three-character name', '张三丰', ['zhangsanfeng'], ['zsf']],
    ['spells a two-character name', '李四', ['lisi'], ['ls']],
    ['writes ü as v', '吕布', ['lvbu', 'lubu'], ['lb']],
    ['writes ü as v inside the given name', '王女', ['wangnv', 'wangru'], ['wn', 'wr']],
    ['drops the middle dot of a transliterated name', '买买提·艾力', ['maimaitiaili', 'maimaitiyili', 'maimaidiaili', 'maimaidiyili'], ['mmtal', 'mmtyl', 'mmdal', 'mmdyl']],
    ['drops spaces', '王 小明', ['wangxiaoming'], ['wxm']],
    ['keeps Latin letters lower-cased as one word', 'John王', ['johnwang'], ['jw']],
    ['turns full-width Latin letters into ASCII', 'Ｊｏｈｎ王', ['johnwang'], ['jw']],
    ['keeps digits', '李2', ['li2'], ['l2']],
    ['gives nothing for an empty name', '', [''], ['']],
  ])('%s', (_name, name, full, initials) => {
    expect(spell(name)).toEqual({ full, initials });
  });

  it.each([
    ['单雄信', 'shanxiongxin', 'sxx'],
    ['曾国藩', 'zengguofan', 'zgf'],
    ['解缙', 'xiejin', 'xj'],
    ['区寄', 'ouji', 'oj'],
    ['仇英', 'qiuying', 'qy'],
    ['朴正熙', 'piaozhengxi', 'pzx'],
    ['尉迟恭', 'yuchigong', 'ycg'],
    ['万俟卨', 'moqixie', 'mqx'],
  ])('spells the surname of %s as a surname', (name, full, initials) => {
    const spellings = spell(name)!;
    expect(spellings.full).toContain(full);
    expect(spellings.initials).toContain(initials);
  });

  it('lists each spelling once, with the most common readings first', () => {
    expect(spell('单单')).toEqual({
      full: ['dandan', 'danshan', 'danchan', 'shandan', 'shanshan', 'shanchan', 'chandan', 'chanshan', 'chanchan'],
      initials: ['dd', 'ds', 'dc', 'sd', 'ss', 'sc', 'cd', 'cs', 'cc'],
    });
  });

  it('gives up past the limit, for the caller to match syllable by syllable', () => {
    const syllables = readNameSyllables('缪乐乐');
    expect(syllables).toEqual([readingsOf('缪'.codePointAt(0)!), readingsOf('乐'.codePointAt(0)!), readingsOf('乐'.codePointAt(0)!)]);
    expect(spellName(syllables, 64)).toBeNull();
    expect(spellName(syllables, 80)?.full).toHaveLength(80);
  });
});

describe('the generated table', () => {
  it('holds every reading pinyin-pro gives, for every character it knows', async () => {
    const { pinyin, polyphonic } = await import('pinyin-pro');
    const fold = (reading: string) => reading.replace(/ü/g, 'v').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const missing: string[] = [];
    let known = 0;
    for (const [first, last] of [[0x3007, 0x3007], [0x3400, 0x9fff], [0x20000, 0x323af]] as const) {
      for (let codePoint = first; codePoint <= last; codePoint++) {
        const character = String.fromCodePoint(codePoint);
        if (!/^[a-z]+$/.test(fold(pinyin(character, { toneType: 'none' })))) continue;
        known += 1;
        const readings = readingsOf(codePoint);
        for (const reading of (polyphonic(character, { toneType: 'none', type: 'array' })[0] ?? []).map(fold)) {
          if (/^[a-z]+$/.test(reading) && !readings.includes(reading)) missing.push(`${character} ${reading}`);
        }
      }
    }
    expect(known).toBeGreaterThan(21_000);
    expect(missing).toEqual([]);
  });
});
