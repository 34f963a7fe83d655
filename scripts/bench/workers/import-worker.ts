/**
 * Bulk import of the same people, one transaction each, by four ways of writing to IndexedDB in
 * the same worker: the app's Dexie database (bulkPut), raw IndexedDB into the same object store
 * and indexes, and PouchDB with its `idb` and `indexeddb` adapters (documents only: PouchDB keeps
 * no secondary indexes unless asked). The order rotates from run to run.
 */
import PouchDB from 'pouchdb-browser';
import indexeddbAdapter from 'pouchdb-adapter-indexeddb';
import { openDatabase } from '../../../src/db/database';
import type { Person } from '../../../src/domain/person';
import { generateHouseholds } from '../../synthetic/generate';
import { IMPORT_METHODS, type ImportMethod, type ImportRequest, type ImportResult } from './protocol';
import { answerMessages, deleteRawDatabase, openRawDatabase, transactionDone } from './worker-reply';

type Importer = (people: Person[], name: string) => Promise<number>;

async function createAppSchema(name: string): Promise<void> {
  const db = openDatabase(name);
  await db.open();
  db.close();
}

const importers: Record<ImportMethod, Importer | string> = {
  async dexie(people, name) {
    const db = openDatabase(name);
    await db.open();
    const started = performance.now();
    await db.people.bulkPut(people);
    const ms = performance.now() - started;
    db.close();
    return ms;
  },
  async raw(people, name) {
    await createAppSchema(name);
    const db = await openRawDatabase(name);
    const started = performance.now();
    const transaction = db.transaction('people', 'readwrite');
    const store = transaction.objectStore('people');
    for (const person of people) store.put(person);
    await transactionDone(transaction);
    const ms = performance.now() - started;
    db.close();
    return ms;
  },
  'pouch-idb': PouchDB ? (people, name) => importIntoPouch(people, name, 'idb') : 'pouchdb-browser or its `events` dependency is not installed',
  'pouch-indexeddb':
    PouchDB && indexeddbAdapter ? (people, name) => importIntoPouch(people, name, 'indexeddb') : 'pouchdb-adapter-indexeddb is not installed',
};

if (PouchDB && indexeddbAdapter) PouchDB.plugin(indexeddbAdapter);

async function importIntoPouch(people: Person[], name: string, adapter: string): Promise<number> {
  const docs = people.map((person) => ({ ...person, _id: person.id }));
  const db = new PouchDB!(name, { adapter });
  await db.info();
  const started = performance.now();
  const results = await db.bulkDocs(docs);
  const ms = performance.now() - started;
  const failed = results.filter((result) => result.error).length;
  await db.destroy();
  if (failed > 0) throw new Error(`PouchDB (${adapter}) refused ${failed} documents`);
  return ms;
}

function generatePeople(request: ImportRequest): Person[] {
  const people: Person[] = [];
  const households = Math.ceil(request.people / 3.33);
  for (const part of generateHouseholds({ seed: request.seed, size: { households, people: request.people, events: 0 }, reportDate: request.reportDate })) {
    for (const person of part.people) people.push(person);
  }
  return people;
}

async function compare(request: ImportRequest): Promise<ImportResult> {
  const people = generatePeople(request);
  const sample = people.slice(0, 1000);
  const meanRecordBytes = sample.reduce((sum, person) => sum + JSON.stringify(person).length, 0) / sample.length;
  const times = new Map<ImportMethod, number[]>(IMPORT_METHODS.map((method) => [method, []]));
  for (let run = 0; run < request.runs; run++) {
    const order = IMPORT_METHODS.map((_, index) => IMPORT_METHODS[(index + run) % IMPORT_METHODS.length]!);
    for (const method of order) {
      const importer = importers[method];
      if (typeof importer === 'string') continue;
      const name = `bench-import-${method}`;
      await deleteRawDatabase(name);
      // Deleting a big database leaves the browser's storage busy for a moment; the next import should not pay for it.
      await new Promise((resolve) => setTimeout(resolve, request.settleMs));
      times.get(method)!.push(await importer(people, name));
      await deleteRawDatabase(name);
    }
  }
  const outcome = (method: ImportMethod) => {
    const importer = importers[method];
    return typeof importer === 'string' ? { unavailable: importer } : { ms: times.get(method)! };
  };
  const methods: ImportResult['methods'] = { dexie: outcome('dexie'), raw: outcome('raw'), 'pouch-idb': outcome('pouch-idb'), 'pouch-indexeddb': outcome('pouch-indexeddb') };
  return { methods, meanRecordBytes };
}

answerMessages(compare);
