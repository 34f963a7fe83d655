import { describe, expect, it } from 'vitest';
import { aDatabase, aHousehold, aPerson } from '../../tests/builders';
import type { Person } from '../domain/person';
import { isZeroEmploymentHousehold } from '../domain/zero-employment';
import { saveHousehold } from './households';
import { addMember, savePerson, savePersonAnswers, ZERO_EMPLOYMENT_FIELDS } from './people';

async function aHouseholdWithTwo() {
  const db = aDatabase();
  const household = await saveHousehold(db, aHousehold());
  const worker = await savePerson(db, { ...(await addMember(db, household.id)), name: '韦明', workStatus: '外出务工' });
  const farmer = await savePerson(db, { ...(await addMember(db, household.id)), name: '梁秀英', workStatus: '在家务农' });
  return { db, household, worker, farmer };
}

const householdRevisions = async (db: ReturnType<typeof aDatabase>, id: string) =>
  (await db.outbox.where('id').equals(id).toArray()).filter((entry) => entry.kind === 'household');

describe('savePersonAnswers (the survey form, on every keystroke)', () => {
  it('stores each answer with one pending revision that follows the latest version, clock always later', async () => {
    const { db, farmer } = await aHouseholdWithTwo();
    const clocks: string[] = [];
    for (const schoolAndMajor of ['柳', '柳州', '柳州职业']) {
      await savePersonAnswers(db, farmer, { schoolAndMajor });
      const [entry] = await db.outbox.where('id').equals(farmer.id).toArray();
      clocks.push(entry!.hlc);
    }
    expect((await db.people.get(farmer.id))?.schoolAndMajor).toBe('柳州职业');
    const entries = await db.outbox.where('id').equals(farmer.id).toArray();
    expect(entries).toEqual([expect.objectContaining({ kind: 'person', state: 'pending', data: expect.objectContaining({ schoolAndMajor: '柳州职业' }) })]);
    expect([...clocks].sort()).toEqual(clocks);
    expect(new Set(clocks).size).toBe(3);
  });

  it('keeps a version that arrived meanwhile in the fields the form did not change', async () => {
    const { db, farmer } = await aHouseholdWithTwo();
    await db.people.update(farmer.id, { phone: '13907720001' });
    await savePersonAnswers(db, farmer, { schoolAndMajor: '柳州职业技术学院' });
    expect(await db.people.get(farmer.id)).toMatchObject({ phone: '13907720001', schoolAndMajor: '柳州职业技术学院', createdAt: farmer.createdAt });
  });

  it('sets 零就业家庭 when the last member at work stops, and clears it when one starts, each with a revision', async () => {
    const { db, household, worker, farmer } = await aHouseholdWithTwo();
    expect((await db.households.get(household.id))?.zeroEmploymentSince).toBeUndefined();

    await savePersonAnswers(db, worker, { workStatus: '在家务农' }, new Date('2026-05-10T08:00:00'));
    expect((await db.households.get(household.id))?.zeroEmploymentSince).toBe('2026-05-10');
    expect(await householdRevisions(db, household.id)).toEqual([expect.objectContaining({ data: expect.objectContaining({ zeroEmploymentSince: '2026-05-10' }) })]);

    await savePersonAnswers(db, farmer, { workStatus: '就近就业' }, new Date('2026-05-12T08:00:00'));
    expect((await db.households.get(household.id))?.zeroEmploymentSince).toBeUndefined();
    const revisions = await householdRevisions(db, household.id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]?.data.zeroEmploymentSince).toBeUndefined();
  });

  it('writes the person alone for an answer that cannot change 零就业家庭', async () => {
    const { db, household, farmer } = await aHouseholdWithTwo();
    await db.outbox.clear();
    const before = await db.households.get(household.id);
    await savePersonAnswers(db, farmer, { schoolAndMajor: '柳州职业技术学院', phone: '13907720001' });
    expect(await db.households.get(household.id)).toEqual(before);
    expect((await db.outbox.toArray()).map((entry) => entry.kind)).toEqual(['person']);
  });

  it('names every field that 零就业家庭 is decided by', () => {
    const read = new Set<string>();
    const watched = (person: Person) =>
      new Proxy(person, {
        get(target, field, receiver) {
          if (typeof field === 'string') read.add(field);
          return Reflect.get(target, field, receiver) as unknown;
        },
      });
    const members = [
      aPerson({ workStatus: '在家务农' }),
      aPerson({ workStatus: '外出务工' }),
      aPerson({ isStudent: '是', workStatus: '其他' }),
      aPerson({ labourAbility: '丧失劳动力', workStatus: '其他' }),
      aPerson({}),
    ];
    for (let first = 0; first < members.length; first++) {
      for (let second = 0; second < members.length; second++) isZeroEmploymentHousehold([members[first]!, members[second]!].map(watched));
    }
    expect([...read].filter((field) => !(ZERO_EMPLOYMENT_FIELDS as readonly string[]).includes(field))).toEqual([]);
  });
});
