import Dexie from 'dexie';
import { changedKeysOf, MODEL_TABLES, type ChangedKeys } from '../src/db/changed-tables';
import type { FieldbookDatabase } from '../src/db/database';
import type { AssistanceEvent } from '../src/domain/assistance-event';
import type { Household } from '../src/domain/household';
import type { Person } from '../src/domain/person';
import { duplicateKeyOf } from '../src/domain/record-checks';

export interface LoadProgress {
  loaded: number;
  total: number;
}

/** What one batch of changes touched, for recomputing only what depends on it. */
export interface ModelChange {
  people: Set<string>;
  households: Set<string>;
  /** People whose events changed. */
  eventPeople: Set<string>;
  settings: Set<string>;
  /** A whole table changed (a clear or restore): recompute everything. */
  everything: boolean;
}

const NOBODY: ReadonlySet<string> = new Set();

// Big pages: each is one getAll round trip; progress still moves several times a second.
const PAGE = 20_000;

function emptyChange(): ModelChange {
  return { people: new Set(), households: new Set(), eventPeople: new Set(), settings: new Set(), everything: false };
}

/**
 * The phone's records held in the worker's memory: read from IndexedDB once (the slow part:
 * seconds for 100,000 people), then kept current from Dexie's change notices, re-reading only
 * the records named. Records are trusted as stored: every write path parses them first.
 */
export class RecordModel {
  readonly households = new Map<string, Household>();
  readonly people = new Map<string, Person>();
  /**
   * Events by person. An event belongs to one person for life (a mistake is voided by a 作废
   * event, never moved), so no index by event id is kept: 500,000 events would cost a large map.
   */
  readonly eventsByPerson = new Map<string, AssistanceEvent[]>();
  eventCount = 0;
  readonly membersByHousehold = new Map<string, Set<string>>();
  /** ID numbers on more than one person (by `duplicateKeyOf`), with who holds them. */
  readonly duplicateHolders = new Map<string, Set<string>>();
  /** The other ID numbers, each with its one holder. */
  private readonly soleHolder = new Map<string, string>();
  /** People whose survey has a 调查时间, for the home screen. */
  surveyedPeople = 0;
  readonly settings = new Map<string, unknown>();

  private queue: Promise<unknown> = Promise.resolve();
  private unsubscribe = () => {};
  private readonly listeners = new Set<(change: ModelChange) => void>();

  private constructor(private readonly db: FieldbookDatabase) {}

  /** Reads every record page by page, reporting progress, and starts following changes. */
  static async load(db: FieldbookDatabase, onProgress?: (progress: LoadProgress) => void): Promise<RecordModel> {
    const model = new RecordModel(db);
    const onMutated = (parts: Parameters<typeof changedKeysOf>[0]) => {
      const changed = changedKeysOf(parts, db.name, MODEL_TABLES);
      if (Object.keys(changed).length > 0) void model.apply(changed);
    };
    // Subscribe before reading, so nothing written during the load is missed (applying twice is harmless).
    Dexie.on('storagemutated', onMutated);
    model.unsubscribe = () => Dexie.on.storagemutated.unsubscribe(onMutated);
    // The three tables are read side by side: IndexedDB fetches one page while this thread
    // unpacks another. Counting can take as long as a page, so it runs alongside too; progress is
    // reported once the total is known.
    const progress = { loaded: 0, total: 0 };
    const report = () => {
      if (progress.total > 0) onProgress?.({ loaded: progress.loaded, total: Math.max(progress.total, progress.loaded) });
    };
    const counting = Promise.all([db.households.count(), db.people.count(), db.events.count()]).then((counts) => {
      progress.total = counts.reduce((sum, count) => sum + count, 0);
      report();
    });
    const readTable = async <T extends { id: string }>(table: Dexie.Table<T, string>, put: (row: T) => void) => {
      let last: string | undefined;
      for (;;) {
        const page = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(PAGE).toArray();
        page.forEach(put);
        progress.loaded += page.length;
        report();
        if (page.length < PAGE) return;
        last = page.at(-1)!.id;
      }
    };
    await Promise.all([
      counting,
      readTable(db.households, (household) => model.putHousehold(household)),
      readTable(db.people, (person) => model.putPerson(person)),
      readTable(db.events, (event) => model.putEvent(event)),
    ]);
    for (const row of await db.settings.toArray()) model.settings.set(row.key, row.value);
    return model;
  }

  /** Stops following changes (tests open many databases in one process). */
  close(): void {
    this.unsubscribe();
  }

  /** Runs `listener` after every batch of changes is applied. */
  onChange(listener: (change: ModelChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once every change noted so far is applied. */
  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /** Re-reads the records named (or whole tables) and updates the maps; applied in the order noted. */
  apply(changed: ChangedKeys): Promise<void> {
    const next = this.queue.then(() => this.applyNow(changed));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async applyNow(changed: ChangedKeys): Promise<void> {
    const change = emptyChange();
    const { db } = this;
    if (changed.households === 'all') {
      change.everything = true;
      this.households.clear();
      (await db.households.toArray()).forEach((household) => this.putHousehold(household));
    } else if (changed.households) {
      const rows = await db.households.bulkGet(changed.households);
      changed.households.forEach((id, index) => {
        const after = rows[index];
        if (after) this.putHousehold(after);
        else this.households.delete(id);
        change.households.add(id);
      });
    }
    if (changed.people) {
      if (changed.people === 'all') {
        change.everything = true;
        this.people.clear();
        this.membersByHousehold.clear();
        this.duplicateHolders.clear();
        this.soleHolder.clear();
        this.surveyedPeople = 0;
        (await db.people.toArray()).forEach((person) => this.putPerson(person));
      } else {
        const rows = await db.people.bulkGet(changed.people);
        changed.people.forEach((id, index) => {
          const before = this.people.get(id);
          if (before) change.households.add(before.householdId);
          this.removePerson(id);
          const after = rows[index];
          if (after) {
            this.putPerson(after);
            change.households.add(after.householdId);
          }
          change.people.add(id);
        });
      }
    }
    if (changed.events) {
      if (changed.events === 'all') {
        change.everything = true;
        this.eventsByPerson.clear();
        this.eventCount = 0;
        (await db.events.toArray()).forEach((event) => this.putEvent(event));
      } else {
        const rows = await db.events.bulkGet(changed.events);
        changed.events.forEach((id, index) => {
          const after = rows[index];
          if (after) {
            this.putEvent(after);
            change.eventPeople.add(after.personId);
          } else {
            const owner = this.removeEvent(id);
            if (owner !== undefined) change.eventPeople.add(owner);
          }
        });
      }
    }
    if (changed.settings) {
      const rows = changed.settings === 'all' ? await db.settings.toArray() : await db.settings.bulkGet(changed.settings);
      if (changed.settings === 'all') this.settings.clear();
      else changed.settings.forEach((key) => this.settings.delete(key));
      for (const row of rows) if (row) this.settings.set(row.key, row.value);
      (changed.settings === 'all' ? [...this.settings.keys()] : changed.settings).forEach((key) => change.settings.add(key));
      if (changed.settings === 'all') change.everything = true;
    }
    for (const listener of this.listeners) listener(change);
  }

  membersOf(householdId: string): Person[] {
    const members: Person[] = [];
    for (const id of this.membersByHousehold.get(householdId) ?? NOBODY) {
      const person = this.people.get(id);
      if (person) members.push(person);
    }
    return members;
  }

  private putHousehold(household: Household): void {
    this.households.set(household.id, household);
  }

  // Puts replace: a change applied while the load is still reading may deliver a record twice.
  private putPerson(person: Person): void {
    this.removePerson(person.id);
    this.people.set(person.id, person);
    let members = this.membersByHousehold.get(person.householdId);
    if (!members) this.membersByHousehold.set(person.householdId, (members = new Set()));
    members.add(person.id);
    this.holdIdNumber(person);
    if (person.surveyedAt) this.surveyedPeople += 1;
  }

  private removePerson(id: string): void {
    const person = this.people.get(id);
    if (!person) return;
    this.people.delete(id);
    this.membersByHousehold.get(person.householdId)?.delete(id);
    this.releaseIdNumber(person);
    if (person.surveyedAt) this.surveyedPeople -= 1;
  }

  /** The people sharing this person's ID number, themselves included; empty when nobody else has it. */
  holdersOfSameIdNumber(person: Person): ReadonlySet<string> {
    return this.duplicateHolders.get(duplicateKeyOf(person.idNumber)) ?? NOBODY;
  }

  private holdIdNumber(person: Person): void {
    const key = duplicateKeyOf(person.idNumber);
    if (!key) return;
    const holders = this.duplicateHolders.get(key);
    const sole = this.soleHolder.get(key);
    if (holders) holders.add(person.id);
    else if (sole === undefined) this.soleHolder.set(key, person.id);
    else {
      this.duplicateHolders.set(key, new Set([sole, person.id]));
      this.soleHolder.delete(key);
    }
  }

  private releaseIdNumber(person: Person): void {
    const key = duplicateKeyOf(person.idNumber);
    if (!key) return;
    const holders = this.duplicateHolders.get(key);
    if (!holders) {
      this.soleHolder.delete(key);
      return;
    }
    holders.delete(person.id);
    if (holders.size === 1) {
      this.soleHolder.set(key, holders.values().next().value!);
      this.duplicateHolders.delete(key);
    }
  }

  private putEvent(event: AssistanceEvent): void {
    const list = this.eventsByPerson.get(event.personId);
    if (!list) {
      this.eventsByPerson.set(event.personId, [event]);
      this.eventCount += 1;
      return;
    }
    const index = list.findIndex((other) => other.id === event.id);
    if (index >= 0) list[index] = event;
    else {
      list.push(event);
      this.eventCount += 1;
    }
  }

  /** Drops a deleted event (which only a restore does) wherever it is; returns whose it was. */
  private removeEvent(id: string): string | undefined {
    for (const [personId, list] of this.eventsByPerson) {
      const index = list.findIndex((event) => event.id === id);
      if (index < 0) continue;
      list.splice(index, 1);
      this.eventCount -= 1;
      return personId;
    }
    return undefined;
  }
}
