import { describe, expect, it } from 'vitest';
import { describeScope, isInScope, parseScope, type Scope } from './scope';

describe('reading a token scope', () => {
  it.each([
    ['融水县', { level: 'county', name: '融水县' }],
    ['融水苗族自治县', { level: 'county', name: '融水苗族自治县' }],
    ['城中区', { level: 'county', name: '城中区' }],
    ['荔浦市', { level: 'county', name: '荔浦市' }],
    ['融水镇', { level: 'township', name: '融水镇' }],
    ['香粉乡', { level: 'township', name: '香粉乡' }],
    ['城北街道', { level: 'township', name: '城北街道' }],
    ['新国村', { level: 'village', name: '新国村' }],
    ['寿星社区', { level: 'village', name: '寿星社区' }],
    ['东门居委会', { level: 'village', name: '东门居委会' }],
    ['  新国村  ', { level: 'village', name: '新国村' }],
    ['450225', { level: 'county', name: '450225', code: '450225' }],
    ['450225100', { level: 'township', name: '450225100', code: '450225100' }],
    ['450225100201', { level: 'village', name: '450225100201', code: '450225100201' }],
    ['450225100000', { level: 'township', name: '450225100', code: '450225100' }],
    ['450225000000', { level: 'county', name: '450225', code: '450225' }],
    ['全部', { level: 'all', name: '全部' }],
    ['ALL', { level: 'all', name: '全部' }],
  ] satisfies [string, Scope][])('reads %s', (text, scope) => {
    expect(parseScope(text)).toEqual({ ok: true, scope });
  });

  it.each([
    ['an empty scope', ''],
    ['a name without a level ending', '新国'],
    ['a bare ending', '村'],
    ['a group below the village', '一组'],
    ['a prefecture code', '450200'],
    ['a province code', '450000'],
    ['a code of the wrong length', '4502251'],
    ['a path', '融水县/新国村'],
    ['a name longer than 40 characters', `${'新'.repeat(40)}村`],
  ])('refuses %s with Chinese and English', (_case, text) => {
    const result = parseScope(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.chinese).toMatch(/[\u4e00-\u9fff]/);
      expect(result.english).toMatch(/[a-z]/);
    }
  });
});

describe('scope matching', () => {
  const home = { county: '融水县', township: '融水镇', village: '新国村' };
  it.each([
    ['everything', { level: 'all', name: '全部' }, home, true],
    ['its county', { level: 'county', name: '融水县' }, home, true],
    ['its township', { level: 'township', name: '融水镇' }, home, true],
    ['its village', { level: 'village', name: '新国村' }, home, true],
    ['a village of the same name in another township', { level: 'village', name: '新国村' }, { ...home, township: '香粉乡' }, true],
    ['another village', { level: 'village', name: '良会村' }, home, false],
    ['another county', { level: 'county', name: '三江县' }, home, false],
    ['a village name with spaces around it', { level: 'village', name: '新国村' }, { ...home, village: ' 新国村 ' }, true],
    ['a household without a village', { level: 'village', name: '新国村' }, { ...home, village: '' }, false],
    ['a county code matching a coded county', { level: 'county', name: '450225', code: '450225' }, { ...home, county: '450225' }, true],
    ['a county code against a county name', { level: 'county', name: '450225', code: '450225' }, home, false],
    ['a named scope that also knows its code', { level: 'county', name: '融水县', code: '450225' }, { ...home, county: '450225' }, true],
  ] satisfies [string, Scope, typeof home, boolean][])('%s: %s', (_case, scope, location, expected) => {
    expect(isInScope(location, scope)).toBe(expected);
  });

  it('describes a scope as a clerk reads it', () => {
    expect(describeScope({ level: 'village', name: '新国村' })).toBe('村（社区） 新国村');
    expect(describeScope({ level: 'all', name: '全部' })).toBe('全部');
  });
});
