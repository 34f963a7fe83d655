export type PhoneProblem = 'phone.format';

export type PhoneResult = { ok: true; value: string } | { ok: false; code: PhoneProblem; message: string };

const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
const LANDLINE_PATTERN = /^0\d{2,3}-?\d{7,8}$/;
const MESSAGE = '联系电话应为11位手机号，或带区号的固定电话（如 0762-3388123）';

const ASCII_DIGITS = /^\d*$/;

/** trims, drops spaces, turns full-width digits and hyphens into ASCII; keeps '-' */
export function normalizePhone(raw: string): string {
  if (ASCII_DIGITS.test(raw)) return raw;
  return raw
    .replace(/\s+/g, '')
    .replace(/[０-９－]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0));
}

/** an empty number means "not given" and is fine; anything else must be a mobile or a landline with area code */
export function checkPhone(raw: string): PhoneResult {
  if (MOBILE_PATTERN.test(raw)) return { ok: true, value: raw };
  const value = normalizePhone(raw);
  if (value === '' || MOBILE_PATTERN.test(value) || LANDLINE_PATTERN.test(value)) return { ok: true, value };
  return { ok: false, code: 'phone.format', message: MESSAGE };
}
