import { HouseholdSchema, type Household, type HouseholdInput } from '../domain/household';
import type { FieldbookDatabase } from './database';
import { enqueueRevision, outboxTables } from './outbox';

type HouseholdDraft = Omit<HouseholdInput, 'id' | 'createdAt' | 'updatedAt'> & { id?: string };

/**
 * Validates and stores a household together with its outbox revision, in one transaction:
 * either both are on the phone or neither is.
 */
export async function saveHousehold(db: FieldbookDatabase, draft: HouseholdDraft, now = new Date()): Promise<Household> {
  return db.transaction('rw', [db.households, ...outboxTables(db)], async (tx) => {
    const existing = draft.id ? await db.households.get(draft.id) : undefined;
    const timestamp = now.toISOString();
    const household = HouseholdSchema.parse({
      // Derived from the members (savePerson keeps it), not from the household form.
      zeroEmploymentSince: existing?.zeroEmploymentSince,
      ...draft,
      id: draft.id ?? crypto.randomUUID(),
      createdAt: existing?.createdAt ?? timestamp,
      updatedAt: timestamp,
    });
    await db.households.put(household);
    await enqueueRevision(tx, 'household', household);
    return household;
  });
}

export async function listHouseholds(db: FieldbookDatabase): Promise<Household[]> {
  const households = await db.households.toArray();
  return households.sort((a, b) => a.village.localeCompare(b.village, 'zh-CN') || a.head.localeCompare(b.head, 'zh-CN'));
}
