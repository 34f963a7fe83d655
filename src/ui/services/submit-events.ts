import { describeEventError, recordEvents, type NewEvent } from '../../db/events';
import { classifyStorageError } from '../../db/storage-errors';
import { describeStorageError } from '../messages';
import type { FieldbookDatabase } from '../../db/database';

/** Records events and turns any failure into the Chinese message the form shows (null: stored). */
export async function submitEvents(db: FieldbookDatabase, drafts: NewEvent[]): Promise<string | null> {
  try {
    await recordEvents(db, drafts);
    return null;
  } catch (error) {
    return describeEventError(error) ?? describeStorageError(classifyStorageError(error));
  }
}
