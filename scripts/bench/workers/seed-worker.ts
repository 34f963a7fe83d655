/**
 * Fills the app's own database with a synthetic data set: the schema comes from the app
 * (FieldbookDatabase opened once), the records go in through raw IndexedDB in big transactions,
 * as fast as the browser takes them. Nothing goes through the UI or the outbox: the records are
 * as if they had arrived and been confirmed long ago.
 */
import { DATABASE_NAME, openDatabase } from '../../../src/db/database';
import type { AssistanceEvent } from '../../../src/domain/assistance-event';
import type { Household } from '../../../src/domain/household';
import type { Person } from '../../../src/domain/person';
import { generateHouseholds } from '../../synthetic/generate';
import type { SeedRequest, SeedResult } from './protocol';
import { answerMessages, openRawDatabase, transactionDone } from './worker-reply';

const PEOPLE_PER_TRANSACTION = 10_000;
const CLEARED_TABLES = ['households', 'people', 'events', 'outbox', 'recordHeads', 'derived', 'conflicts', 'callbackDraws'];

async function seed(request: SeedRequest): Promise<SeedResult> {
  const started = performance.now();
  const app = openDatabase();
  await app.open();
  app.close();
  const db = await openRawDatabase(DATABASE_NAME);
  const clearing = db.transaction(CLEARED_TABLES.filter((name) => db.objectStoreNames.contains(name)), 'readwrite');
  for (const name of clearing.objectStoreNames) clearing.objectStore(name).clear();
  await transactionDone(clearing);

  let households: Household[] = [];
  let people: Person[] = [];
  let events: AssistanceEvent[] = [];
  let pending: Promise<void> = Promise.resolve();
  const counts = { households: 0, people: 0, events: 0 };
  const flush = async () => {
    await pending;
    const transaction = db.transaction(['households', 'people', 'events'], 'readwrite');
    for (const household of households) transaction.objectStore('households').put(household);
    for (const person of people) transaction.objectStore('people').put(person);
    for (const event of events) transaction.objectStore('events').put(event);
    counts.households += households.length;
    counts.people += people.length;
    counts.events += events.length;
    households = [];
    people = [];
    events = [];
    // The next chunk is generated while this one commits.
    pending = transactionDone(transaction);
  };
  let generateMs = 0;
  let mark = performance.now();
  for (const part of generateHouseholds({ seed: request.seed, size: request.size, reportDate: request.reportDate, towns: request.towns })) {
    generateMs += performance.now() - mark;
    households.push(part.household);
    for (const person of part.people) people.push(person);
    for (const event of part.events) events.push(event);
    if (people.length >= PEOPLE_PER_TRANSACTION) await flush();
    mark = performance.now();
  }
  await flush();
  await pending;
  const settings = db.transaction('settings', 'readwrite');
  // 柳江区 reports in the Guangxi buckets, as the generated answers do.
  settings.objectStore('settings').put({ key: 'preferences', value: { regionBucketSet: 'guangxi', surveyor: '覃干部' } });
  await transactionDone(settings);
  db.close();
  return { ...counts, ms: performance.now() - started, generateMs };
}

answerMessages(seed);
