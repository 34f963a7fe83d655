import { describe, expect, it } from 'vitest';
import { cleanCode, cleanText, describeNumericIdNumber, parseDateCell, parseYesNo } from './cell-values';

describe('parseDateCell', () => {
  it.each([
    ['a real date cell', { text: '2023-05-01', date: '2023-05-01' }, '2023-05-01'],
    ['an Excel serial', { text: '45047', number: 45047 }, '2023-05-01'],
    ['2023-05-01', { text: '2023-05-01' }, '2023-05-01'],
    ['2023/5/1', { text: '2023/5/1' }, '2023-05-01'],
    ['2023.5.1', { text: '2023.5.1' }, '2023-05-01'],
    ['20230501 as text', { text: '20230501' }, '2023-05-01'],
    ['20230501 as a number', { text: '20230501', number: 20230501 }, '2023-05-01'],
    ['2023年5月1日', { text: '2023年5月1日' }, '2023-05-01'],
    ['2023年5月 (month only)', { text: '2023年5月' }, '2023-05'],
    ['2023-05 (month only)', { text: '2023-05' }, '2023-05'],
    ['202305 (month only)', { text: '202305' }, '2023-05'],
    ['2023.5 typed as a number', { text: '2023.5', number: 2023.5 }, '2023-05'],
    ['full-width digits', { text: '２０２３年５月１日' }, '2023-05-01'],
  ])('reads %s', (_case, cell, expected) => {
    expect(parseDateCell(cell)).toMatchObject({ ok: true, value: expected });
  });

  it.each([
    ['a day that does not exist', { text: '2023-02-30' }, '日期“2023-02-30”不存在'],
    ['month 13', { text: '2023.13.1' }, '日期“2023.13.1”不存在'],
    ['words', { text: '五月初' }, '无法识别的日期“五月初”'],
    ['2023.10 stored as the number 2023.1', { text: '2023.1', number: 2023.1 }, '分不清是1月还是10月'],
  ])('refuses %s with a message', (_case, cell, message) => {
    const parsed = parseDateCell(cell);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toContain(message);
  });
});

describe('cleaning cell text', () => {
  it.each([
    ['full-width digits in an ID', '４５０２２５１９９００３１５０１３９', '450225199003150139', ['全角数字已改为半角']],
    ['spaces inside an ID', '450225 19900315 0139', '450225199003150139', ['已去掉中间的空格']],
    ['a no-break space after a phone', '13907721234\u00a0', '13907721234', []],
    ['a clean code', '13907721234', '13907721234', []],
  ])('cleanCode: %s', (_case, raw, value, changes) => {
    expect(cleanCode(raw)).toEqual({ value, changes });
  });

  it.each([
    ['a name padded for print', '王  五', '王五', ['已去掉字间的空格']],
    ['stray spaces around a village', '  新国村 ', '新国村', []],
    ['full-width digits in a group', '第３组', '第3组', ['全角数字或字母已改为半角']],
  ])('cleanText: %s', (_case, raw, value, changes) => {
    expect(cleanText(raw)).toEqual({ value, changes });
  });
});

describe('an ID number that passed through a number', () => {
  it('is flagged when the cell holds a number: the last digits are gone', () => {
    expect(describeNumericIdNumber({ text: '4.50225E+17', number: 450225199003150140 })).toContain('后几位已丢失（显示为 4.50225E+17）');
  });

  it('is flagged when a CSV carries the scientific notation Excel showed', () => {
    expect(describeNumericIdNumber({ text: '4.50225E+17' })).toContain('科学计数法');
  });

  it('is not flagged when it is text', () => {
    expect(describeNumericIdNumber({ text: '450225199003150139' })).toBeUndefined();
  });
});

describe('parseYesNo', () => {
  it.each([
    ['是', '是'],
    ['√', '是'],
    ['否', '否'],
    ['', undefined],
    ['可能', null],
  ])('%s → %s', (raw, expected) => {
    expect(parseYesNo(raw)).toBe(expected);
  });
});
