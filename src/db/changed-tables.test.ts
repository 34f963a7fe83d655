import { describe, expect, it } from 'vitest';
import { RECORD_TABLES, touchesPreferences, touchesTables } from './changed-tables';

const notice = (...keys: string[]) => Object.fromEntries(keys.map((key) => [key, {}])) as never;

describe('touchesTables', () => {
  it.each([
    ['a person edit', notice('idb://fieldbook/people/', 'idb://fieldbook/outbox/state'), true],
    ['a sync batch confirmed', notice('idb://fieldbook/outbox/', 'idb://fieldbook/recordHeads/', 'idb://fieldbook/settings/'), false],
    ['a table whose name starts like a record table', notice('idb://fieldbook/peopleSearch/'), false],
  ])('%s touches records: %s', (_name, parts, expected) => {
    expect(touchesTables(parts, RECORD_TABLES)).toBe(expected);
  });
});

describe('touchesPreferences', () => {
  it.each([
    ['the preferences row', { settings: ['preferences'] }, true],
    ['the whole 设置 table (a restore)', { settings: 'all' as const }, true],
    ['only the sync clock, written with every edit', { settings: ['clock'] }, false],
    ['records only', { people: ['p1'] }, false],
  ])('%s: %s', (_name, changed, expected) => {
    expect(touchesPreferences(changed)).toBe(expected);
  });
});
