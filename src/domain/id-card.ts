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
  return raw
    .replace(/\s+/g, '')
    .replace(/[０-９ｘＸ]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
    .replace(/x/g, 'X');
}

/** the check character for the first 17 digits */
export function computeIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  WEIGHTS.forEach((weight, index) => {
    sum += weight * Number(first17[index]);
  });
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

  if (computeIdCheckCharacter(idNumber.slice(0, 17)) !== idNumber.slice(17)) {
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
  const [birthYear, birthMonth, birthDay] = splitDate(birthDate);
  const [year, month, day] = splitDate(date);
  const birthdayPassed = month > birthMonth || (month === birthMonth && day >= birthDay);
  return year - birthYear - (birthdayPassed ? 0 : 1);
}

function splitDate(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
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
