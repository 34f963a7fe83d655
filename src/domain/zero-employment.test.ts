import { describe, expect, it } from 'vitest';
import { aPerson } from '../../tests/builders';
import { isZeroEmploymentHousehold, nextZeroEmploymentSince } from './zero-employment';

describe('零就业家庭', () => {
  it.each([
    ['no working-capable member is at work', [aPerson({ workStatus: '在家务农' }), aPerson({ workStatus: '其他' })], true],
    ['one member works outside the county', [aPerson({ workStatus: '外出务工' }), aPerson({ workStatus: '在家务农' })], false],
    ['the only members cannot work', [aPerson({ workStatus: '其他', labourAbility: '丧失劳动力' })], false],
    ['the only member is a student', [aPerson({ workStatus: '其他', isStudent: '是' })], false],
    ['a member is not yet surveyed', [aPerson({ workStatus: '在家务农' }), aPerson({})], false],
    ['the household has no members', [], false],
  ])('is %s → %s', (_name, members, expected) => {
    expect(isZeroEmploymentHousehold(members)).toBe(expected);
  });

  it('keeps the day it was first seen while it lasts and clears it when someone finds work', () => {
    const idle = [aPerson({ workStatus: '在家务农' })];
    expect(nextZeroEmploymentSince(undefined, idle, '2026-05-01')).toBe('2026-05-01');
    expect(nextZeroEmploymentSince('2026-05-01', idle, '2026-05-20')).toBe('2026-05-01');
    expect(nextZeroEmploymentSince('2026-05-01', [aPerson({ workStatus: '就近就业' })], '2026-05-20')).toBeUndefined();
  });
});
