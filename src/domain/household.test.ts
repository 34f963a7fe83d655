import { describe, expect, it } from 'vitest';
import { formatHouseholdAddress, HouseholdSchema } from './household';

const base = {
  id: 'h1',
  head: '梁秀英',
  createdAt: '2026-05-01T08:00:00.000Z',
  updatedAt: '2026-05-01T08:00:00.000Z',
};

describe('household schema', () => {
  it('fills defaults for a household with only its head', () => {
    const household = HouseholdSchema.parse(base);
    expect(household).toMatchObject({ village: '', povertyAlleviated: true, monitored: false, relocated: false });
  });

  it.each([
    ['a monitored household without its type', { monitored: true }, 'monitorType', '监测对象须选择监测对象类型'],
    ['a type on a household that is not monitored', { monitorType: '边缘易致贫户' }, 'monitorType', '非监测对象不应填写监测对象类型'],
    ['a household without a head', { head: '  ' }, 'head', '请填写户主姓名'],
  ])('rejects %s', (_name, change, field, message) => {
    const result = HouseholdSchema.safeParse({ ...base, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: [field], message }));
  });

  it('accepts a monitored household with its type', () => {
    expect(HouseholdSchema.parse({ ...base, monitored: true, monitorType: '突发严重困难户' }).monitorType).toBe('突发严重困难户');
  });

  it('formats the address from the parts that are known', () => {
    expect(formatHouseholdAddress({ township: '融水镇', village: '新国村', group: '' })).toBe('融水镇 新国村');
  });
});
