import { formatLocalDate } from '../domain/dates';
import { HouseholdSchema, type Household } from '../domain/household';
import type { Person } from '../domain/person';
import { nextZeroEmploymentSince } from '../domain/zero-employment';
import type { ImportContext, ImportPlan } from '../import/import-plan';
import type { FieldbookDatabase } from './database';
import { outboxTables, RevisionBatch } from './outbox';
import { mayChangeZeroEmployment, preparePerson } from './people';

export interface ImportResult {
  added: number;
  updated: number;
  householdsWritten: number;
}

/** What the planner needs to match rows with the phone's records. */
export async function loadImportContext(db: FieldbookDatabase): Promise<ImportContext> {
  return db.transaction('r', [db.people, db.households], async () => ({ people: await db.people.toArray(), households: await db.households.toArray() }));
}

/** Records per bulk write: the progress bar moves after each. */
const CHUNK = 500;

/**
 * Writes an accepted import plan: every household and person with its outbox revision, in ONE
 * transaction, so an import either lands whole or not at all. People are looked up again by
 * 身份证号 inside the transaction (a sync may have brought them since the plan was made), so
 * a person is updated, never stored twice. Records are read and written in bulk; the derived
 * 零就业家庭 / 未就业 dates are kept as a form save keeps them. `onProgress` is called after
 * each chunk written.
 */
export async function importRecords(
  db: FieldbookDatabase,
  plan: Pick<ImportPlan, 'households' | 'people'>,
  { now = new Date(), onProgress }: { now?: Date; onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportResult> {
  const planned = plan.people.filter((person) => person.status !== 'same');
  return db.transaction('rw', [db.people, db.households, ...outboxTables(db)], async (tx) => {
    const timestamp = now.toISOString();
    const knownHouseholdIds = plan.households.flatMap((household) => {
      const known = household.existingId ?? household.newId;
      return known ? [known] : [];
    });
    const [knownHouseholds, byExistingId, byIdNumber] = await Promise.all([
      db.households.bulkGet(knownHouseholdIds),
      db.people.bulkGet(planned.flatMap((person) => (person.existingId ? [person.existingId] : []))),
      db.people.where('idNumber').anyOf(planned.map((person) => person.idNumber)).toArray(),
    ]);
    const storedHouseholds = new Map(knownHouseholds.flatMap((household) => (household ? [[household.id, household] as const] : [])));
    const storedById = new Map(byExistingId.flatMap((person) => (person ? [[person.id, person] as const] : [])));
    const storedByIdNumber = new Map<string, Person>();
    // The index lists holders of one number by id: the first is the one a single lookup finds.
    for (const person of byIdNumber) if (!storedByIdNumber.has(person.idNumber)) storedByIdNumber.set(person.idNumber, person);

    const householdIds = new Map<string, string>();
    /** Households to write, by id: those the plan writes first, then any whose 零就业家庭 state moves. */
    const households = new Map<string, Household>();
    for (const entry of plan.households) {
      const known = entry.existingId ?? entry.newId;
      const existing = known ? storedHouseholds.get(known) : undefined;
      const id = existing?.id ?? entry.newId ?? crypto.randomUUID();
      householdIds.set(entry.key, id);
      if (existing && !entry.changed) continue;
      households.set(id, HouseholdSchema.parse({ ...existing, ...entry.fields, id, createdAt: existing?.createdAt ?? timestamp, updatedAt: timestamp }));
    }
    const householdsWritten = households.size;

    let added = 0;
    let updated = 0;
    const people: Person[] = [];
    const rederive = new Set<string>();
    for (const [index, entry] of planned.entries()) {
      const existing = (entry.existingId ? storedById.get(entry.existingId) : undefined) ?? storedByIdNumber.get(entry.idNumber);
      const householdId = householdIds.get(entry.householdKey);
      if (!householdId) throw new Error(`import plan: row ${entry.row} has no household ${entry.householdKey}`);
      const person = preparePerson(
        {
          ...existing,
          ...entry.fields,
          id: existing?.id ?? entry.newId ?? crypto.randomUUID(),
          householdId,
          // A millisecond apart, so members keep the file's order wherever records are listed as added.
          createdAt: existing?.createdAt ?? new Date(now.getTime() + index).toISOString(),
          updatedAt: timestamp,
        },
        existing,
        now,
      );
      people.push(person);
      if (mayChangeZeroEmployment(existing, person)) rederive.add(person.householdId);
      if (existing) updated += 1;
      else added += 1;
    }
    await deriveZeroEmployment(db, [...rederive], people, households, storedHouseholds, now);

    const revisions = await RevisionBatch.open(tx, [
      ...[...households.keys()].map((id) => ({ kind: 'household' as const, id })),
      ...people.map((person) => ({ kind: 'person' as const, id: person.id })),
    ]);
    const total = households.size + people.length;
    let done = 0;
    const write = async <T extends { id: string }>(kind: 'household' | 'person', records: readonly T[], put: (chunk: T[]) => Promise<unknown>) => {
      for (let start = 0; start < records.length; start += CHUNK) {
        const chunk = records.slice(start, start + CHUNK);
        for (const record of chunk) revisions.add(kind, record);
        await Promise.all([put(chunk), revisions.write()]);
        done += chunk.length;
        onProgress?.(done, total);
      }
    };
    // Households first: a receiver that takes the revisions in order meets each household before its members.
    await write('household', [...households.values()], (chunk) => db.households.bulkPut(chunk));
    await write('person', people, (chunk) => db.people.bulkPut(chunk));
    return { added, updated, householdsWritten };
  });
}

/**
 * 零就业家庭 of the households the import may have changed, from their members as they will be
 * (those stored and not imported, and those imported): a household whose state moves is added
 * to `households`, or updated there. Every household an imported person joins is one of the
 * plan's, so it is in `households` or in `stored` (read with the plan's records).
 */
async function deriveZeroEmployment(
  db: FieldbookDatabase,
  householdIds: string[],
  imported: readonly Person[],
  households: Map<string, Household>,
  stored: ReadonlyMap<string, Household>,
  now: Date,
): Promise<void> {
  if (householdIds.length === 0) return;
  const storedMembers = await db.people.where('householdId').anyOf(householdIds).toArray();
  const importedIds = new Set(imported.map((person) => person.id));
  const members = new Map<string, Person[]>(householdIds.map((id) => [id, []]));
  for (const person of [...storedMembers.filter((member) => !importedIds.has(member.id)), ...imported]) members.get(person.householdId)?.push(person);
  const today = formatLocalDate(now);
  for (const id of householdIds) {
    const household = households.get(id) ?? stored.get(id);
    if (!household) continue;
    const zeroEmploymentSince = nextZeroEmploymentSince(household.zeroEmploymentSince, members.get(id)!, today);
    if (zeroEmploymentSince !== household.zeroEmploymentSince) households.set(id, { ...household, zeroEmploymentSince, updatedAt: now.toISOString() });
  }
}

/** A value the clerk set once and expects next time (the column mapping, the 填报人 line). */
export async function loadRemembered<T>(db: FieldbookDatabase, key: string, restore: (stored: unknown) => T): Promise<T> {
  return restore((await db.settings.get(key))?.value);
}

export async function saveRemembered(db: FieldbookDatabase, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
