import Dexie, { type Table } from 'dexie';
import { changedKeysOf, touchesPreferences, type ChangedKeys } from '../src/db/changed-tables';
import type { FieldbookDatabase } from '../src/db/database';
import { loadPreferences } from '../src/db/preferences';
import { formatLocalDate } from '../src/domain/dates';
import type { Household } from '../src/domain/household';
import type { Person } from '../src/domain/person';
import { surveyStateOf, type RuleContext, type SurveyState } from '../src/domain/person-rules';
import { PersonMatcher, type SearchEntry } from '../src/domain/person-search';

const INDEX_KEY = 'peopleSearchIndex';
const INDEX_FORMAT = 2;
const PERSIST_DELAY_MS = 2000;
const READ_PAGE = 10_000;
const WATCHED_TABLES = ['people', 'households', 'settings'] as const;
/** The 设置 row loadPreferences reads. */

/** What the index keeps of a person: a list row's worth. */
export interface IndexedPerson {
  id: string;
  householdId: string;
  name: string;
  idNumber: string;
  phone: string;
  state: SurveyState;
  /** The day and working age `state` was judged for (see `contextKey`). */
  stateFor: string;
}

export interface IndexedHousehold {
  id: string;
  village: string;
  head: string;
  number: string;
}

const PERSON_COLUMNS = ['id', 'householdId', 'name', 'idNumber', 'phone', 'state', 'stateFor'] as const;
const HOUSEHOLD_COLUMNS = ['id', 'village', 'head', 'number'] as const;
const SURVEY_STATES: readonly string[] = ['未调查', '待完善', '已完成'] satisfies SurveyState[];
const SEPARATOR = '\u0000';

/** Rows as one text per column, the values joined with SEPARATOR: a few long strings store and load far quicker than 100,000 objects. */
interface StoredTable<C extends string> {
  count: number;
  columns: Record<C, string>;
}

interface StoredIndex {
  format: number;
  /** The highest person / household `updatedAt` folded in. */
  peopleSeenUntil: string;
  householdsSeenUntil: string;
  people: StoredTable<(typeof PERSON_COLUMNS)[number]>;
  households: StoredTable<(typeof HOUSEHOLD_COLUMNS)[number]>;
}

function isStoredIndex(value: unknown): value is StoredIndex {
  const candidate = value as Partial<StoredIndex> | undefined;
  return candidate?.format === INDEX_FORMAT && typeof candidate.peopleSeenUntil === 'string' && typeof candidate.householdsSeenUntil === 'string';
}

function storeRows<C extends string>(rows: readonly Record<C, string>[], columns: readonly C[]): StoredTable<C> {
  // A value holding SEPARATOR spoils its column, which restoreColumns then refuses (and everything is read again).
  return { count: rows.length, columns: Object.fromEntries(columns.map((column) => [column, rows.map((row) => row[column]).join(SEPARATOR)])) as Record<C, string> };
}

/** Each column's values back, or null when the stored table is damaged. */
function restoreColumns<C extends string>(stored: StoredTable<C> | undefined, columns: readonly C[]): Record<C, string[]> | null {
  if (!stored || !Number.isInteger(stored.count) || typeof stored.columns !== 'object') return null;
  const restored = {} as Record<C, string[]>;
  for (const column of columns) {
    const text = stored.columns[column];
    if (typeof text !== 'string') return null;
    restored[column] = stored.count === 0 ? [] : text.split(SEPARATOR);
    if (restored[column].length !== stored.count) return null;
  }
  return restored;
}

/** Which people to list: everyone, or one village's. */
export interface PeopleFilter {
  village?: string;
}

/** A person's place in the list of everyone, by village and name. */
interface Listed {
  id: string;
  village: string;
  name: string;
}

const collator = new Intl.Collator('zh-CN');
/** The collator's order, with strings it deems equal told apart, so the list has one order. */
const compareText = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
const compareListed = (a: Listed, b: Listed) => compareText(a.village, b.village) || compareText(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

interface Pending {
  people: Set<string> | 'all';
  households: Set<string> | 'all';
  settings: boolean;
}

const nothingPending = (): Pending => ({ people: new Set(), households: new Set(), settings: false });

function addKeys(into: Set<string> | 'all', keys: string[] | 'all' | undefined): Set<string> | 'all' {
  if (into === 'all' || keys === 'all') return keys === undefined ? into : 'all';
  keys?.forEach((key) => into.add(key));
  return into;
}

/**
 * Everyone on the phone as the 人员 list and search see them, kept in the worker's memory and
 * persisted as one record (reading it back is far quicker than reading every person). It
 * follows Dexie's change notices, so a question touches IndexedDB only after a write: to read
 * the records written, or to judge again the survey state of the rows it returns once the day
 * or 设置's working age has changed.
 */
export class PeopleSearchIndex {
  private readonly people = new Map<string, IndexedPerson>();
  private readonly households = new Map<string, IndexedHousehold>();
  private readonly members = new Map<string, Set<string>>();
  private readonly listed = new Map<string, Listed>();
  /** Everyone by village and name; null until first asked for, then kept in order. */
  private order: Listed[] | null = null;
  private villages: string[] | null = null;
  private matcher: PersonMatcher | null = null;
  private peopleSeenUntil = '';
  private householdsSeenUntil = '';
  private workingAge: RuleContext['workingAge'] | null = null;
  private pending = nothingPending();
  private isLoaded = false;
  /** Something changed since the index was last stored. */
  private hasUnstoredChanges = false;
  /** Batches of changes applied so far. */
  private applied = 0;
  private queue: Promise<void> = Promise.resolve();
  private persistTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly unsubscribe: () => void;

  constructor(private readonly db: FieldbookDatabase) {
    // Subscribed before the first read, so nothing written meanwhile is missed (reading a record twice is harmless).
    const onMutated = (parts: Parameters<typeof changedKeysOf>[0]) => this.noteChanges(changedKeysOf(parts, db.name, WATCHED_TABLES));
    Dexie.on('storagemutated', onMutated);
    this.unsubscribe = () => Dexie.on.storagemutated.unsubscribe(onMutated);
  }

  /** Records written (Dexie's notice as keys): read again before the next answer. */
  noteChanges(changed: ChangedKeys): void {
    this.pending.people = addKeys(this.pending.people, changed.people);
    this.pending.households = addKeys(this.pending.households, changed.households);
    if (touchesPreferences(changed)) this.pending.settings = true;
  }

  /** Loads the index on first use, then folds in what was written since the last question. */
  current(): Promise<void> {
    // Storing waits for a quiet moment: not between two keys of someone typing.
    if (this.persistTimer !== undefined) this.schedulePersist();
    const next = this.queue.then(async () => {
      if (!this.isLoaded) await this.load();
      await this.applyPending();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The ids of the best matches for a query, best first. */
  find(query: string, limit: number): string[] {
    this.matcher ??= new PersonMatcher([...this.people.values()].map((person) => this.searchEntryOf(person)));
    return this.matcher.find(query, limit).map((hit) => hit.id);
  }

  /** One page of the list of everyone (or one village), how many that is, and every village in order. */
  list(filter: PeopleFilter, offset: number, limit: number): { ids: string[]; total: number; villages: string[] } {
    const [start, end] = this.rangeOf(filter);
    const from = Math.min(end, start + Math.max(0, Math.floor(offset)));
    const to = Math.min(end, from + Math.max(0, Math.floor(limit)));
    return { ids: this.sorted().slice(from, to).map((entry) => entry.id), total: end - start, villages: this.listVillages() };
  }

  /** Every id in the filter, in list order. */
  idsOf(filter: PeopleFilter): string[] {
    const [start, end] = this.rangeOf(filter);
    return this.sorted().slice(start, end).map((entry) => entry.id);
  }

  /** The people and their households, with the survey state judged for today (re-reading the few whose judgement is out of date). */
  async rowsOf(ids: readonly string[]): Promise<{ person: IndexedPerson; household: IndexedHousehold | undefined }[]> {
    const context = await this.ruleContext();
    const key = contextKey(context);
    const outdated = ids.filter((id) => this.people.get(id)?.stateFor !== key);
    if (outdated.length > 0) {
      const records = await this.db.people.bulkGet(outdated);
      for (const record of records) {
        const person = record && this.people.get(record.id);
        if (!person) continue;
        person.state = surveyStateOf(record, context);
        person.stateFor = key;
        this.hasUnstoredChanges = true;
      }
      this.schedulePersist();
    }
    return ids.flatMap((id) => {
      const person = this.people.get(id);
      return person ? [{ person, household: this.households.get(person.householdId) }] : [];
    });
  }

  /** Stops following changes and writes what is pending (tests open many databases in one process). */
  async close(): Promise<void> {
    this.unsubscribe();
    if (this.persistTimer !== undefined) await this.persist();
  }

  /** Writes the index now; called after a quiet moment, and by tests. */
  async persist(): Promise<void> {
    clearTimeout(this.persistTimer);
    this.persistTimer = undefined;
    this.hasUnstoredChanges = false;
    const stored: StoredIndex = {
      format: INDEX_FORMAT,
      peopleSeenUntil: this.peopleSeenUntil,
      householdsSeenUntil: this.householdsSeenUntil,
      people: storeRows([...this.people.values()], PERSON_COLUMNS),
      households: storeRows([...this.households.values()], HOUSEHOLD_COLUMNS),
    };
    await this.db.derived.put({ key: INDEX_KEY, value: stored });
  }

  private schedulePersist(): void {
    if (!this.hasUnstoredChanges) return;
    clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => void this.persist(), PERSIST_DELAY_MS);
  }

  private async load(): Promise<void> {
    const stored = (await this.db.derived.get(INDEX_KEY))?.value;
    const isStored = isStoredIndex(stored);
    const people = isStored ? restoreColumns(stored.people, PERSON_COLUMNS) : null;
    const households = isStored ? restoreColumns(stored.households, HOUSEHOLD_COLUMNS) : null;
    const isRestored = isStored && people !== null && households !== null;
    if (isRestored) {
      households.id.forEach((id, index) => this.households.set(id, { id, village: households.village[index]!, head: households.head[index]!, number: households.number[index]! }));
      people.id.forEach((id, index) => {
        // A state this version does not know is judged again when shown.
        const state = people.state[index]!;
        const isKnown = SURVEY_STATES.includes(state);
        this.putIndexedPerson({
          id,
          householdId: people.householdId[index]!,
          name: people.name[index]!,
          idNumber: people.idNumber[index]!,
          phone: people.phone[index]!,
          state: isKnown ? (state as SurveyState) : '未调查',
          stateFor: isKnown ? people.stateFor[index]! : '',
        });
      });
      this.peopleSeenUntil = stored.peopleSeenUntil;
      this.householdsSeenUntil = stored.householdsSeenUntil;
      this.hasUnstoredChanges = false;
    }
    await this.readWrittenSinceSeen(await this.ruleContext());
    this.isLoaded = true;
    this.schedulePersist();
    if (isRestored) void this.checkCounts();
  }

  /**
   * A deletion, or a record synced in with an older `updatedAt`, while search was not running
   * leaves no trace in that index: when the counts disagree, everything is read again before
   * the next answer. Counting walks the tables, so it runs after the first answer.
   */
  private async checkCounts(): Promise<void> {
    const applied = this.applied;
    const [peopleCount, householdCount] = await Promise.all([this.db.people.count(), this.db.households.count()]);
    const isQuiet = applied === this.applied && this.pending.people !== 'all' && this.pending.people.size === 0 && this.pending.households !== 'all' && this.pending.households.size === 0;
    if (isQuiet && (peopleCount !== this.people.size || householdCount !== this.households.size)) this.pending.people = 'all';
  }

  /**
   * Folds in the households, then the people, written since the marks ('' for everything). "Or
   * equal": another record may have been written in the same millisecond as the last one seen.
   * Households first: a person is listed under their household's village.
   */
  private async readWrittenSinceSeen(context: RuleContext): Promise<void> {
    await this.readSince(this.db.households, this.householdsSeenUntil, (household) => this.putHousehold(household));
    await this.readSince(this.db.people, this.peopleSeenUntil, (person) => this.putPerson(person, context));
  }

  private async readSince<T extends { id: string; updatedAt: string }>(table: Table<T, string>, mark: string, put: (record: T) => void): Promise<void> {
    if (mark !== '') {
      (await table.where('updatedAt').aboveOrEqual(mark).toArray()).forEach(put);
      return;
    }
    // Everything: a page at a time, each folded in before the next is read, so the worker never
    // holds every full record at once (the index keeps a list row's worth of each).
    for (let last: string | undefined; ; ) {
      const page = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(READ_PAGE).toArray();
      page.forEach(put);
      if (page.length < READ_PAGE) return;
      last = page.at(-1)!.id;
    }
  }

  private async reloadAll(context: RuleContext): Promise<void> {
    this.people.clear();
    this.households.clear();
    this.members.clear();
    this.listed.clear();
    this.order = null;
    this.villages = null;
    this.matcher = null;
    this.peopleSeenUntil = '';
    this.householdsSeenUntil = '';
    this.hasUnstoredChanges = true;
    await this.readWrittenSinceSeen(context);
  }

  private async applyPending(): Promise<void> {
    const { people, households, settings } = this.pending;
    this.pending = nothingPending();
    if (settings) this.workingAge = null;
    const hasWork = people === 'all' || households === 'all' || people.size > 0 || households.size > 0;
    if (!hasWork) return;
    this.applied += 1;
    const context = await this.ruleContext();
    if (people === 'all' || households === 'all') {
      await this.reloadAll(context);
    } else {
      const householdIds = [...households];
      const personIds = [...people];
      const readAll = <T>(table: Table<T, string>, ids: string[]) => (ids.length > 0 ? table.bulkGet(ids) : Promise.resolve([]));
      const [householdRecords, personRecords] = await Promise.all([readAll(this.db.households, householdIds), readAll(this.db.people, personIds)]);
      householdIds.forEach((id, index) => {
        const household = householdRecords[index];
        if (household) this.putHousehold(household);
        else if (this.households.delete(id)) {
          this.hasUnstoredChanges = true;
          this.refreshMembers(id);
        }
      });
      personIds.forEach((id, index) => {
        const person = personRecords[index];
        if (person) this.putPerson(person, context);
        else this.removePerson(id);
      });
    }
    this.schedulePersist();
  }

  private async ruleContext(): Promise<RuleContext> {
    this.workingAge ??= (await loadPreferences(this.db)).workingAge;
    return { reportDate: formatLocalDate(new Date()), workingAge: this.workingAge };
  }

  private putHousehold(household: Household): void {
    const before = this.households.get(household.id);
    this.households.set(household.id, { id: household.id, village: household.village, head: household.head, number: household.number });
    if (household.updatedAt > this.householdsSeenUntil) this.householdsSeenUntil = household.updatedAt;
    if (before?.village !== household.village || before.head !== household.head || before.number !== household.number) {
      this.hasUnstoredChanges = true;
      this.refreshMembers(household.id);
    }
  }

  /** Members carry the household's number and village in search and list. */
  private refreshMembers(householdId: string): void {
    for (const memberId of this.members.get(householdId) ?? []) this.putIndexedPerson(this.people.get(memberId)!);
  }

  private putPerson(person: Person, context: RuleContext): void {
    this.putIndexedPerson({
      id: person.id,
      householdId: person.householdId,
      name: person.name,
      idNumber: person.idNumber,
      phone: person.phone,
      state: surveyStateOf(person, context),
      stateFor: contextKey(context),
    });
    if (person.updatedAt > this.peopleSeenUntil) this.peopleSeenUntil = person.updatedAt;
  }

  private putIndexedPerson(person: IndexedPerson): void {
    const before = this.people.get(person.id);
    if (!before || PERSON_COLUMNS.some((column) => before[column] !== person[column])) this.hasUnstoredChanges = true;
    if (before && before.householdId !== person.householdId) this.members.get(before.householdId)?.delete(person.id);
    this.people.set(person.id, person);
    let members = this.members.get(person.householdId);
    if (!members) this.members.set(person.householdId, (members = new Set()));
    members.add(person.id);
    this.matcher?.put(this.searchEntryOf(person));
    this.relist(person.id, { id: person.id, village: this.households.get(person.householdId)?.village ?? '', name: person.name });
  }

  private removePerson(id: string): void {
    const person = this.people.get(id);
    if (!person) return;
    this.people.delete(id);
    this.hasUnstoredChanges = true;
    this.members.get(person.householdId)?.delete(id);
    this.matcher?.remove(id);
    this.relist(id, null);
  }

  private searchEntryOf(person: IndexedPerson): SearchEntry {
    const householdNumber = this.households.get(person.householdId)?.number ?? '';
    return { id: person.id, name: person.name, idNumber: person.idNumber, phone: person.phone, householdNumber };
  }

  /** Moves a person to their place in the list (or out of it); the sorted list, once built, is kept in order. */
  private relist(id: string, after: Listed | null): void {
    const before = this.listed.get(id);
    if (before && after && before.village === after.village && before.name === after.name) return;
    if (after) this.listed.set(id, after);
    else this.listed.delete(id);
    if (before?.village !== after?.village) this.villages = null;
    if (!this.order) return;
    if (before) this.order.splice(this.positionOf(before), 1);
    if (after) this.order.splice(this.positionOf(after), 0, after);
  }

  /** Where `entry` is, or goes, in the sorted list. */
  private positionOf(entry: Listed): number {
    const order = this.order!;
    let low = 0;
    let high = order.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareListed(order[middle]!, entry) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private sorted(): Listed[] {
    if (!this.order) {
      // Comparing ranks is several times quicker than running the collator over every pair.
      const entries = [...this.listed.values()];
      const rank = (values: string[]) => new Map([...new Set(values)].sort(compareText).map((value, index) => [value, index]));
      const villageRank = rank(entries.map((entry) => entry.village));
      const nameRank = rank(entries.map((entry) => entry.name));
      const keyed = entries.map((entry) => ({ entry, village: villageRank.get(entry.village)!, name: nameRank.get(entry.name)! }));
      keyed.sort((a, b) => a.village - b.village || a.name - b.name || (a.entry.id < b.entry.id ? -1 : 1));
      this.order = keyed.map(({ entry }) => entry);
    }
    return this.order;
  }

  private listVillages(): string[] {
    this.villages ??= [...new Set(this.sorted().map((entry) => entry.village))].filter(Boolean);
    return this.villages;
  }

  /** The part of the sorted list a filter covers: one village's people sit together. */
  private rangeOf(filter: PeopleFilter): [number, number] {
    const order = this.sorted();
    if (!filter.village) return [0, order.length];
    const village = filter.village;
    const firstFrom = (isPast: (entry: Listed) => boolean) => {
      let low = 0;
      let high = order.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (isPast(order[middle]!)) high = middle;
        else low = middle + 1;
      }
      return low;
    };
    return [firstFrom((entry) => compareText(entry.village, village) >= 0), firstFrom((entry) => compareText(entry.village, village) > 0)];
  }
}

function contextKey(context: RuleContext): string {
  return `${context.reportDate} ${context.workingAge.min}-${context.workingAge.max}`;
}
