import { describe, expect, it } from 'vitest';
import { computeNamePinyin } from './pinyin';

describe('name pinyin', () => {
  it.each([
    ['spells a three-character name', '张三丰', 'zhangsanfeng', 'zsf'],
    ['spells a two-character name', '李四', 'lisi', 'ls'],
    ['reads the surname 单 as shan', '单雄信', 'shanxiongxin', 'sxx'],
    ['reads the surname 曾 as zeng', '曾国藩', 'zengguofan', 'zgf'],
    ['reads the surname 仇 as qiu', '仇英', 'qiuying', 'qy'],
    ['reads the compound surname 尉迟', '尉迟恭', 'yuchigong', 'ycg'],
    ['writes ü as v', '吕布', 'lvbu', 'lb'],
    ['writes ü as v inside the given name', '王女', 'wangnv', 'wn'],
    ['drops the middle dot of a transliterated name', '阿卜杜拉·买买提', 'abudulamaimaiti', 'abdlmmt'],
    ['drops spaces', '王 小明', 'wangxiaoming', 'wxm'],
    ['keeps Latin letters lower-cased as one word', 'John王', 'johnwang', 'jw'],
    ['turns full-width Latin letters into ASCII', 'Ｊｏｈｎ王', 'johnwang', 'jw'],
    ['keeps digits', '李2', 'li2', 'l2'],
    ['gives nothing for an empty name', '', '', ''],
  ])('%s', (_name, name, full, initials) => {
    expect(computeNamePinyin(name)).toEqual({ full, initials });
  });
});
