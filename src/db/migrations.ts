import type { Transaction } from 'dexie';
import { enqueueRevision } from './outbox';

/**
 * v1 → v2: records written before the outbox existed were never sent anywhere, so each one
 * gets a first revision; otherwise the office would never see them.
 */
export async function queueExistingRecords(tx: Transaction): Promise<void> {
  const households = await tx.table('households').toArray();
  for (const household of households) await enqueueRevision(tx, 'household', household, { neverSynced: true });
  const people = await tx.table('people').toArray();
  for (const person of people) await enqueueRevision(tx, 'person', person, { neverSynced: true });
}
