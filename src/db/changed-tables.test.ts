import { describe, expect, it } from 'vitest';
import { RECORD_TABLES, touchesTables } from './changed-tables';

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
