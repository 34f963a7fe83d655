/**
 * The anchor for the worker's cold load: every household, person and event read with raw
 * IndexedDB getAll in one transaction, in a worker of its own, and nothing done with them.
 */
import { DATABASE_NAME } from '../../../src/db/database';
import type { ReadResult } from './protocol';
import { answerMessages, openRawDatabase, requestResult } from './worker-reply';

async function readAll(): Promise<ReadResult> {
  const started = performance.now();
  const db = await openRawDatabase(DATABASE_NAME);
  const transaction = db.transaction(['households', 'people', 'events'], 'readonly');
  const tables = await Promise.all(['households', 'people', 'events'].map((name) => requestResult(transaction.objectStore(name).getAll())));
  const ms = performance.now() - started;
  db.close();
  return { ms, records: tables.reduce((sum, rows) => sum + rows.length, 0) };
}

answerMessages(readAll);
