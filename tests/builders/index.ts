import { HouseholdSchema, type Household, type HouseholdInput } from '../../src/domain/household';
import { createPerson, type Person, type PersonInput } from '../../src/domain/person';
import type { FieldbookDatabase } from '../../src/db/database';
import { openDatabase } from '../../src/db/database';

let counter = 0;

/** A fresh, empty phone database with a name no other test uses. */
export function aDatabase(): FieldbookDatabase {
  counter += 1;
  return openDatabase(`fieldbook-test-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`);
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

/** A stored household record (id `h1` unless given), as the database holds it. */
export function aHouseholdRecord(overrides: Partial<HouseholdInput> = {}): Household {
  return HouseholdSchema.parse({ id: 'h1', createdAt: '2026-05-01T08:00:00.000Z', updatedAt: '2026-05-01T08:00:00.000Z', ...aHousehold(overrides) });
}

/** A valid 18-digit ID: 融水县, born 1990-03-15, male (sequence 013). */
export const VALID_ID_MALE_1990 = '450225199003150139';

/** A household member; by default an empty survey in household `h1`. */
export function aPerson(overrides: Partial<PersonInput> = {}): Person {
  counter += 1;
  return createPerson({ id: `p${counter}`, householdId: 'h1', name: '梁秀英', ...overrides }, new Date('2026-05-01T08:00:00Z'));
}

/** A complete, consistent survey of someone at work. */
export function anEmployedPerson(overrides: Partial<PersonInput> = {}): Person {
  return aPerson({
    name: '韦明',
    idNumber: VALID_ID_MALE_1990,
    sex: '男',
    workStatus: '外出务工',
    employmentRegion: { set: 'guangdong', value: '省外' },
    monthsEmployedThisYear: 4,
    employerName: '深圳某电子厂',
    surveyor: '覃干部',
    surveyedAt: '2026-05-01',
    ...overrides,
  });
}
