import { formatLocalDate } from '../domain/dates';
import { createPerson, PersonSchema, type Person, type PersonInput } from '../domain/person';
import { applicablePart } from '../domain/person-rules';
import { nextZeroEmploymentSince, ZERO_EMPLOYMENT_INPUTS } from '../domain/zero-employment';
import type { FieldbookDatabase } from './database';
import { outboxTables, RevisionBatch } from './outbox';
import { loadPreferences } from './preferences';

/** What a person's change must touch for the household's 零就业家庭 state to move: the household, or a field it reads. */
export const ZERO_EMPLOYMENT_FIELDS = ['householdId', ...ZERO_EMPLOYMENT_INPUTS] as const satisfies readonly (keyof Person)[];

/** Whether saving `after` over `before` can change a household's 零就业家庭 state. */
export function mayChangeZeroEmployment(before: Person | undefined, after: Person): boolean {
  return !before || ZERO_EMPLOYMENT_FIELDS.some((field) => before[field] !== after[field]);
}

/** The person as it will be stored: the 未就业 date and createdAt kept from the stored version, validated. */
export function preparePerson(draft: PersonInput, existing: Person | undefined, now: Date): Person {
  const isNotWorking = applicablePart(draft) === 'notEmployed';
  return PersonSchema.parse({
    ...draft,
    notWorkingSince: isNotWorking ? (existing?.notWorkingSince ?? draft.notWorkingSince ?? formatLocalDate(now)) : undefined,
    createdAt: existing?.createdAt ?? draft.createdAt,
    updatedAt: now.toISOString(),
  });
}

/**
 * Writes a person, its outbox revision and, when the household's 零就业家庭 state changes,
 * the household and its revision: one transaction, so the phone never holds half of it.
 */
export async function savePerson(db: FieldbookDatabase, draft: Person, now = new Date()): Promise<Person> {
  return writePerson(db, draft.id, () => draft, now);
}

/**
 * Saves the answers a form changed onto the person as stored now, so that a version that
 * arrived meanwhile (from the receiver, or the 帮扶 screen) keeps its other fields. This is the
 * path of every keystroke in the survey: one round of reads, one of writes.
 */
export async function savePersonAnswers(db: FieldbookDatabase, base: Person, answers: Partial<Person>, now = new Date()): Promise<Person> {
  return writePerson(db, base.id, (latest) => ({ ...(latest ?? base), ...answers }), now);
}

/**
 * The reads of a save, in a read-only transaction that changes nothing: run when a form opens, so
 * its first keystroke does not also pay for compiling the save's code and opening its indexes.
 */
export async function prepareToSavePerson(db: FieldbookDatabase, id: string): Promise<void> {
  await db.transaction('r', [db.people, ...outboxTables(db)], async (tx) => {
    await Promise.all([db.people.get(id), RevisionBatch.open(tx, [{ kind: 'person', id }])]);
  });
}

/** The save of one person: `draft` is made from the version stored now, read with the save's other reads. */
async function writePerson(db: FieldbookDatabase, id: string, draft: (existing: Person | undefined) => Person, now: Date): Promise<Person> {
  return db.transaction('rw', [db.people, db.households, ...outboxTables(db)], async (tx) => {
    const [existing, revisions] = await Promise.all([db.people.get(id), RevisionBatch.open(tx, [{ kind: 'person', id }])]);
    const person = preparePerson(draft(existing), existing, now);
    revisions.add('person', person);
    if (!mayChangeZeroEmployment(existing, person)) {
      await Promise.all([db.people.put(person), revisions.write()]);
      return person;
    }
    // The members are read after the put, so they include this person as saved.
    const [, household, members] = await Promise.all([
      db.people.put(person),
      db.households.get(person.householdId),
      db.people.where('householdId').equals(person.householdId).toArray(),
    ]);
    if (household) {
      const zeroEmploymentSince = nextZeroEmploymentSince(household.zeroEmploymentSince, members, formatLocalDate(now));
      if (zeroEmploymentSince !== household.zeroEmploymentSince) {
        const updated = { ...household, zeroEmploymentSince, updatedAt: now.toISOString() };
        await Promise.all([db.households.put(updated), revisions.include([{ kind: 'household', id: updated.id }])]);
        revisions.add('household', updated);
      }
    }
    await revisions.write();
    return person;
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
