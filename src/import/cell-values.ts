import type { SheetCell } from './sheet';

/**
 * Cleaning and reading single cell values. Each function says what it changed, so the clerk
 * is told (「全角数字已改为半角」) instead of the file being quietly rewritten.
 */

export interface Cleaned {
  value: string;
  /** What was changed, in Chinese; empty when the text was already clean. */
  changes: string[];
}

const FULL_WIDTH_ALPHANUMERIC = /[０-９Ａ-Ｚａ-ｚ]/g;
const HAS_FULL_WIDTH = /[０-９Ａ-Ｚａ-ｚ－]/;
// No-break, ideographic and zero-width spaces, the BOM: invisible in a cell, fatal in an ID.
const ODD_SPACES = /[\u00a0\u2000-\u200b\u3000\ufeff]/g;

function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH_ALPHANUMERIC, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0));
}

/** Ordinary text (a name, a village): trimmed; full-width digits and letters become ASCII. */
export function cleanText(raw: string): Cleaned {
  const changes: string[] = [];
  let value = raw.replace(ODD_SPACES, ' ').trim();
  if (/[０-９Ａ-Ｚａ-ｚ]/.test(value)) {
    value = toHalfWidth(value);
    changes.push('全角数字或字母已改为半角');
  }
  // Names are often padded to line up in print: 「王  五」.
  if (/^[\p{Script=Han}·]+(\s+[\p{Script=Han}·]+)+$/u.test(value)) {
    value = value.replace(/\s+/g, '');
    changes.push('已去掉字间的空格');
  } else {
    value = value.replace(/\s{2,}/g, ' ');
  }
  return { value, changes };
}

/** A code (ID number, phone, household number): no spaces at all; full-width digits become ASCII. */
export function cleanCode(raw: string): Cleaned {
  const changes: string[] = [];
  let value = raw.replace(ODD_SPACES, ' ').trim();
  if (HAS_FULL_WIDTH.test(value)) {
    value = toHalfWidth(value).replace(/－/g, '-');
    changes.push('全角数字已改为半角');
  }
  if (/\s/.test(value)) {
    value = value.replace(/\s+/g, '');
    changes.push('已去掉中间的空格');
  }
  return { value, changes };
}

/**
 * An ID number that went through a number on its way into the file: an 18-digit ID has more
 * digits than a floating-point number keeps, so the last ones are gone (4.50225E+17, or
 * 450225199003150000). It is flagged, never "repaired": the real digits are unknown.
 */
export function describeNumericIdNumber(cell: SheetCell): string | undefined {
  const shown = cell.text.trim();
  if (cell.number !== undefined && Math.abs(cell.number) >= 1e15) {
    return `以数字格式保存，后几位已丢失（显示为 ${shown}）：请把该列设为“文本”后重新录入`;
  }
  if (/^\d(\.\d+)?E\+?\d+$/i.test(shown)) {
    return `以科学计数法保存（${shown}），后几位已丢失：请把该列设为“文本”后重新录入`;
  }
  return undefined;
}

export type DateValue = { ok: true; value: string; precision: 'day' | 'month' } | { ok: false; message: string };

// Excel's day 0 is 1899-12-30 (its 1900 leap-year bug is before any date a roster holds).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
// 367 is 1901-01-01: smaller numbers in a date column are typing slips, not dates.
const SERIAL_RANGE = { min: 367, max: 80_000 } as const;
const DATE_HINT = '可写 2023-05-01、2023.5.1、20230501 或 2023年5月1日';

/**
 * A date cell in any of the forms clerks type: a real date, an Excel serial (45047), or text
 * 2023-05-01, 2023/5/1, 2023.5.1, 20230501, 2023年5月1日; month precision 2023年5月, 2023-05,
 * 2023.5, 202305. The value is YYYY-MM-DD or YYYY-MM.
 */
export function parseDateCell(cell: SheetCell): DateValue {
  if (cell.date) return { ok: true, value: cell.date, precision: 'day' };
  if (cell.number !== undefined) return parseDateNumber(cell.number, cell.text);
  return parseDateText(cell.text);
}

function parseDateNumber(number: number, shown: string): DateValue {
  if (Number.isInteger(number) && number >= 19_000_101 && number <= 29_991_231) return parseDateText(String(number));
  if (Number.isInteger(number) && number >= 190_001 && number <= 299_912) return parseDateText(String(number));
  if (Number.isInteger(number) && number >= SERIAL_RANGE.min && number <= SERIAL_RANGE.max) {
    return { ok: true, value: new Date(EXCEL_EPOCH_MS + number * 86_400_000).toISOString().slice(0, 10), precision: 'day' };
  }
  // 2023.5 typed into a number cell: 2023.10 arrives as 2023.1, indistinguishable from January.
  const yearMonth = /^(\d{4})\.(\d{1,2})$/.exec(String(number));
  if (yearMonth?.[2] === '1') return { ok: false, message: `“${shown}”以数字保存，分不清是1月还是10月：请写成 2023年10月 这样的文字` };
  if (yearMonth) return parseDateText(String(number));
  return { ok: false, message: `无法识别的日期“${shown}”（${DATE_HINT}）` };
}

export function parseDateText(raw: string): DateValue {
  const text = cleanCode(raw).value;
  if (text === '') return { ok: false, message: '未填写' };
  const day = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (day) return checkDate(Number(day[1]), Number(day[2]), Number(day[3]), raw.trim());
  const month = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(text) ?? /^(\d{4})(\d{2})$/.exec(text);
  if (month) return checkDate(Number(month[1]), Number(month[2]), undefined, raw.trim());
  return { ok: false, message: `无法识别的日期“${raw.trim()}”（${DATE_HINT}）` };
}

function checkDate(year: number, month: number, day: number | undefined, shown: string): DateValue {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return { ok: false, message: `日期“${shown}”不存在` };
  if (day === undefined) return { ok: true, value: `${year}-${pad(month)}`, precision: 'month' };
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { ok: false, message: `日期“${shown}”不存在` };
  return { ok: true, value: `${year}-${pad(month)}-${pad(day)}`, precision: 'day' };
}

/** 是 / 否 as clerks write them; undefined for an empty cell, null for anything else. */
export function parseYesNo(raw: string): '是' | '否' | undefined | null {
  const text = cleanText(raw).value;
  if (text === '') return undefined;
  if (['是', '√', 'Y', 'y', '有'].includes(text)) return '是';
  if (['否', '×', 'N', 'n', '无', '不是'].includes(text)) return '否';
  return null;
}
