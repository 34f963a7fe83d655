import { ZodError } from 'zod';
import { AssistanceEventSchema, checkNewEvent, type AssistanceEvent, type AssistanceEventInput } from '../domain/assistance-event';
import { formatLocalDate } from '../domain/dates';
import type { FieldbookDatabase } from './database';
import { enqueueRevision, outboxTables } from './outbox';

/** Why events were not stored: one Chinese message per problem, naming the person where there are several. */
export class EventRejectedError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('；'));
  }
}

/** An event as a form produces it: every kind keeps its own fields (a distributive Omit). */
export type NewEvent = AssistanceEventInput extends infer T ? (T extends unknown ? Omit<T, 'id' | 'createdAt'> : never) : never;

/**
 * Stores events (one per person for a group session) with their outbox revisions in one
 * transaction: all of them, or, if any is invalid, none.
 */
export async function recordEvents(db: FieldbookDatabase, drafts: readonly NewEvent[], now = new Date()): Promise<AssistanceEvent[]> {
  const today = formatLocalDate(now);
  return db.transaction('rw', [db.events, db.people, ...outboxTables(db)], async (tx) => {
    const problems: string[] = [];
    const events: AssistanceEvent[] = [];
    for (const draft of drafts) {
      const parsed = AssistanceEventSchema.safeParse({ ...draft, id: crypto.randomUUID(), createdAt: now.toISOString() });
      if (!parsed.success) {
        problems.push(...new Set(parsed.error.issues.map((issue) => issue.message)));
        continue;
      }
      const existing = await db.events.where('personId').equals(parsed.data.personId).toArray();
      problems.push(...checkNewEvent(parsed.data, { today, existing }));
      events.push(parsed.data);
    }
    if (problems.length > 0) throw new EventRejectedError([...new Set(problems)]);
    for (const event of events) {
      await db.events.add(event);
      await enqueueRevision(tx, 'event', event);
    }
    return events;
  });
}

export async function voidEvent(
  db: FieldbookDatabase,
  target: Pick<AssistanceEvent, 'id' | 'personId'>,
  details: { reason: string; assistanceContact: string },
  now = new Date(),
): Promise<AssistanceEvent> {
  const [event] = await recordEvents(db, [{ type: '作废', personId: target.personId, voids: target.id, date: formatLocalDate(now), ...details }], now);
  return event!;
}

export async function listPersonEvents(db: FieldbookDatabase, personId: string): Promise<AssistanceEvent[]> {
  return db.events.where('personId').equals(personId).toArray();
}

export function describeEventError(error: unknown): string | null {
  if (error instanceof EventRejectedError) return error.problems.join('；');
  if (error instanceof ZodError) return error.issues.map((issue) => issue.message).join('；');
  return null;
}
