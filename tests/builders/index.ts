import type { HouseholdInput } from '../../src/domain/household';
import type { FieldbookDatabase } from '../../src/db/database';
import { openDatabase } from '../../src/db/database';

let databaseCounter = 0;

/** A fresh, empty phone database with a name no other test uses. */
export function aDatabase(): FieldbookDatabase {
  databaseCounter += 1;
  return openDatabase(`fieldbook-test-${process.pid}-${databaseCounter}-${Math.random().toString(36).slice(2)}`);
}

export function aHousehold(overrides: Partial<HouseholdInput> = {}): Omit<HouseholdInput, 'id' | 'createdAt' | 'updatedAt'> {
  return {
    county: '融水县',
    township: '融水镇',
    village: '新国村',
    group: '一组',
    number: '001',
    head: '梁秀英',
    povertyAlleviated: true,
    ...overrides,
  };
}
