import { formatLocalDate } from '../domain/dates';
import { createPerson, PersonSchema, type Person } from '../domain/person';
import { applicablePart } from '../domain/person-rules';
import { nextZeroEmploymentSince } from '../domain/zero-employment';
import type { FieldbookDatabase } from './database';
import { enqueueRevision, outboxTables } from './outbox';
import { loadPreferences } from './preferences';

/**
 * Writes a person, its outbox revision and, when the household's 零就业家庭 state changes,
 * the household and its revision: one transaction, so the phone never holds half of it.
 */
export async function savePerson(db: FieldbookDatabase, draft: Person, now = new Date()): Promise<Person> {
  return db.transaction('rw', [db.people, db.households, ...outboxTables(db)], async (tx) => {
    const existing = await db.people.get(draft.id);
    const isNotWorking = applicablePart(draft) === 'notEmployed';
    const person = PersonSchema.parse({
      ...draft,
      notWorkingSince: isNotWorking ? (existing?.notWorkingSince ?? draft.notWorkingSince ?? formatLocalDate(now)) : undefined,
      createdAt: existing?.createdAt ?? draft.createdAt,
      updatedAt: now.toISOString(),
    });
    await db.people.put(person);
    await enqueueRevision(tx, 'person', person);

    const household = await db.households.get(person.householdId);
    if (household) {
      const members = await db.people.where('householdId').equals(household.id).toArray();
      const zeroEmploymentSince = nextZeroEmploymentSince(household.zeroEmploymentSince, members, formatLocalDate(now));
      if (zeroEmploymentSince !== household.zeroEmploymentSince) {
        const updated = { ...household, zeroEmploymentSince, updatedAt: now.toISOString() };
        await db.households.put(updated);
        await enqueueRevision(tx, 'household', updated);
      }
    }
    return person;
  });
}

/**
 * Saves the answers a form changed onto the person as stored now, so that a version that
 * arrived meanwhile (from the receiver, or the 帮扶 screen) keeps its other fields.
 */
export async function savePersonAnswers(db: FieldbookDatabase, base: Person, answers: Partial<Person>, now = new Date()): Promise<Person> {
  return db.transaction('rw', [db.people, db.households, ...outboxTables(db)], async () => {
    const latest = (await db.people.get(base.id)) ?? base;
    return savePerson(db, { ...latest, ...answers }, now);
  });
}

/** A new member at the door: 调查人 from 设置, 调查时间 today. */
export async function addMember(db: FieldbookDatabase, householdId: string, now = new Date()): Promise<Person> {
  const preferences = await loadPreferences(db);
  const person = createPerson({ id: crypto.randomUUID(), householdId, surveyor: preferences.surveyor, surveyedAt: formatLocalDate(now) }, now);
  return savePerson(db, person, now);
}

export async function listMembers(db: FieldbookDatabase, householdId: string): Promise<Person[]> {
  const members = await db.people.where('householdId').equals(householdId).toArray();
  return members.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Other people on this phone with the same ID number (normalised), for the duplicate warning. */
export async function findPeopleWithIdNumber(db: FieldbookDatabase, idNumber: string, exceptId: string): Promise<Person[]> {
  if (!idNumber) return [];
  const matches = await db.people.where('idNumber').equals(idNumber).toArray();
  return matches.filter((person) => person.id !== exceptId);
}
