import { describe, expect, it } from 'vitest';
import { checkPhone, normalizePhone } from './phone';

describe('phone normalisation', () => {
  it.each([
    ['trims the ends', '  13812345678 ', '13812345678'],
    ['drops inner spaces', '138 1234 5678', '13812345678'],
    ['drops a full-width space', '138\u300012345678', '13812345678'],
    ['turns full-width digits into ASCII', '１３８１２３４５６７８', '13812345678'],
    ['keeps the hyphen after an area code', '0762-3388123', '0762-3388123'],
    ['turns a full-width hyphen into ASCII', '０７６２－３３８８１２３', '0762-3388123'],
  ])('%s', (_name, raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });
});

describe('phone check', () => {
  it.each([
    ['an empty number, which means not given', '', ''],
    ['only spaces, which means not given', '   ', ''],
    ['a mobile number', '13812345678', '13812345678'],
    ['a mobile number starting 19', '19912345678', '19912345678'],
    ['a mobile number with spaces', '138 1234 5678', '13812345678'],
    ['a mobile number in full-width digits', '１３８１２３４５６７８', '13812345678'],
    ['a landline with a 3-digit area code and hyphen', '0762-3388123', '0762-3388123'],
    ['a landline with a 3-digit area code and no hyphen', '07623388123', '07623388123'],
    ['a landline with a 2-digit area code and an 8-digit number', '010-12345678', '010-12345678'],
    ['a landline with a 3-digit area code and an 8-digit number', '0772-51234567', '0772-51234567'],
  ])('accepts %s', (_name, raw, expected) => {
    expect(checkPhone(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['a mobile number one digit short', '1381234567'],
    ['a mobile number one digit long', '138123456789'],
    ['a mobile number starting 12', '12812345678'],
    ['a mobile number starting 10', '10812345678'],
    ['a landline without its area code', '3388123'],
    ['a landline number of 6 digits', '0762-338812'],
    ['a landline number of 9 digits', '0762-338812345'],
    ['an area code of 5 digits', '07623-3388123'],
    ['an area code not starting with 0', '762-3388123'],
    ['a hyphen inside a mobile number', '138-1234-5678'],
    ['two hyphens', '0762--3388123'],
    ['a country code', '+8613812345678'],
    ['letters', '138abcd5678'],
    ['words instead of a number', '无'],
  ])('rejects %s', (_name, raw) => {
    expect(checkPhone(raw)).toEqual({ ok: false, code: 'phone.format', message: '联系电话应为11位手机号，或带区号的固定电话（如 0762-3388123）' });
  });
});
