/**
 * The 18-character PRC resident ID number (GB 11643-1999): region code, birth date,
 * sequence (its last digit gives the sex) and an ISO 7064 MOD 11-2 check character.
 */

export type IdNumberProblem = 'id.format' | 'id.checksum' | 'id.birthdate';

export interface IdNumberInfo {
  idNumber: string;
  regionCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: '男' | '女';
}

export type IdNumberResult = { ok: true; value: IdNumberInfo } | { ok: false; code: IdNumberProblem; message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const ID_PATTERN = /^\d{17}[\dX]$/;
const EARLIEST_BIRTH_DATE = '1900-01-01';

const MESSAGES = {
  format: '身份证号应为18位：17位数字加1位数字或X',
  checksum: '身份证号校验位错误',
  birthDateMissing: '身份证号中的出生日期不存在',
  birthDateLate: '身份证号中的出生日期晚于填报日期',
} as const;

/** trims, removes inner spaces, turns full-width digits/letters (０-９, ｘ, Ｘ) into ASCII, lower-case x into X */
export function normalizeIdNumber(raw: string): string {
  // Nearly every stored number is already clean; the replaces below are for typed and imported ones.
  if (ID_PATTERN.test(raw)) return raw;
  return raw
    .replace(/\s+/g, '')
    .replace(/[０-９ｘＸ]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
    .replace(/x/g, 'X');
}

/** the check character for the first 17 digits */
export function computeIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`expected 17 digits, got "${first17}"`);
  return checkCharacterOf(first17);
}

/** The check character of a number whose first 17 characters are known to be digits. */
function checkCharacterOf(idNumber: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index++) sum += WEIGHTS[index]! * (idNumber.charCodeAt(index) - 48);
  return CHECK_CHARACTERS[sum % 11] ?? '';
}

/** validates; reportDate is YYYY-MM-DD: a birth date after it is id.birthdate */
export function parseIdNumber(raw: string, reportDate: string): IdNumberResult {
  const idNumber = normalizeIdNumber(raw);
  if (!ID_PATTERN.test(idNumber)) return { ok: false, code: 'id.format', message: MESSAGES.format };

  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (!isRealDate(year, month, day) || birthDate < EARLIEST_BIRTH_DATE) {
    return { ok: false, code: 'id.birthdate', message: MESSAGES.birthDateMissing };
  }
  // Both are zero-padded YYYY-MM-DD, so text order is date order.
  if (birthDate > reportDate) return { ok: false, code: 'id.birthdate', message: MESSAGES.birthDateLate };

  if (checkCharacterOf(idNumber) !== idNumber[17]) {
    return { ok: false, code: 'id.checksum', message: MESSAGES.checksum };
  }

  return {
    ok: true,
    value: {
      idNumber,
      regionCode: idNumber.slice(0, 6),
      birthDate,
      sex: Number(idNumber[16]) % 2 === 1 ? '男' : '女',
    },
  };
}

/** whole years between birthDate and date (both YYYY-MM-DD); a 29 Feb birthday counts as passed on 1 Mar in non-leap years */
export function computeAge(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // Zero-padded MM-DD compares as text: the birthday has passed when today's is not earlier.
  return date.slice(5, 10) >= birthDate.slice(5, 10) ? years : years - 1;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function countDaysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= countDaysInMonth(year, month);
}
