import type { FieldbookDatabase } from '../src/db/database';
import type { Household } from '../src/domain/household';
import type { Person } from '../src/domain/person';
import type { SearchEntry } from '../src/domain/person-search';
import { computeNamePinyin } from '../src/domain/pinyin';

const INDEX_KEY = 'peopleSearchIndex';
const INDEX_FORMAT = 1;
const PERSIST_DELAY_MS = 2000;

interface StoredIndex {
  format: number;
  /** The highest person / household `updatedAt` folded into the entries. */
  peopleSeenUntil: string;
  householdsSeenUntil: string;
  entries: SearchEntry[];
}

function isStoredIndex(value: unknown): value is StoredIndex {
  const candidate = value as Partial<StoredIndex> | undefined;
  return candidate?.format === INDEX_FORMAT && Array.isArray(candidate.entries) && typeof candidate.peopleSeenUntil === 'string';
}

function toEntry(person: Person, household: Household | undefined): SearchEntry {
  const { full, initials } = computeNamePinyin(person.name);
  return {
    id: person.id,
    name: person.name,
    idNumber: person.idNumber,
    phone: person.phone,
    householdNumber: household?.number ?? '',
    pinyinFull: full,
    pinyinInitials: initials,
  };
}

/**
 * The people search index, kept in the worker and persisted as one record: loading it is far
 * quicker than computing 100,000 names' pinyin again. Each call folds in only what changed
 * since (people and households carry an indexed `updatedAt`).
 */
export class PeopleSearchIndex {
  private state: StoredIndex | null = null;
  private positions = new Map<string, number>();
  private persistTimer: ReturnType<typeof setTimeout> | undefined;
  /** Records already folded whose `updatedAt` equals the high-water mark (`kind:id`). */
  private foldedAtMark = new Set<string>();

  constructor(private readonly db: FieldbookDatabase) {}

  async entries(): Promise<readonly SearchEntry[]> {
    const state = this.state ?? (await this.load());
    const changed = await this.foldChanges(state);
    if (changed) this.schedulePersist();
    return state.entries;
  }

  private async load(): Promise<StoredIndex> {
    const stored = (await this.db.derived.get(INDEX_KEY))?.value;
    this.state = isStoredIndex(stored) ? stored : { format: INDEX_FORMAT, peopleSeenUntil: '', householdsSeenUntil: '', entries: [] };
    this.positions = new Map(this.state.entries.map((entry, index) => [entry.id, index]));
    return this.state;
  }

  private async foldChanges(state: StoredIndex): Promise<boolean> {
    // "Or equal": another record may have been written in the same millisecond as the last one seen.
    // Refolding those few is harmless; missing one would leave it unfindable.
    const isNew = (kind: string, record: { id: string; updatedAt: string }, mark: string) =>
      record.updatedAt !== mark || !this.foldedAtMark.has(`${kind}:${record.id}`);
    const [people, households] = await Promise.all([
      this.db.people.where('updatedAt').aboveOrEqual(state.peopleSeenUntil).filter((person) => isNew('person', person, state.peopleSeenUntil)).toArray(),
      this.db.households.where('updatedAt').aboveOrEqual(state.householdsSeenUntil).filter((household) => isNew('household', household, state.householdsSeenUntil)).toArray(),
    ]);
    const changedHouseholdIds = new Set(households.map((household) => household.id));
    const householdMembers = changedHouseholdIds.size
      ? await this.db.people.where('householdId').anyOf([...changedHouseholdIds]).toArray()
      : [];
    const touched = new Map([...householdMembers, ...people].map((person) => [person.id, person]));
    if (touched.size === 0) return false;

    const householdIds = [...new Set([...touched.values()].map((person) => person.householdId))];
    const householdById = new Map((await this.db.households.bulkGet(householdIds)).flatMap((household) => (household ? [[household.id, household]] : [])));
    for (const person of touched.values()) {
      const entry = toEntry(person, householdById.get(person.householdId));
      const position = this.positions.get(person.id);
      if (position === undefined) {
        this.positions.set(person.id, state.entries.length);
        state.entries.push(entry);
      } else {
        state.entries[position] = entry;
      }
    }
    for (const person of people) if (person.updatedAt > state.peopleSeenUntil) state.peopleSeenUntil = person.updatedAt;
    for (const household of households) if (household.updatedAt > state.householdsSeenUntil) state.householdsSeenUntil = household.updatedAt;
    const stillAtMark = [...this.foldedAtMark].filter((key) =>
      key.startsWith('person:') ? people.length === 0 : households.length === 0,
    );
    this.foldedAtMark = new Set([
      ...stillAtMark,
      ...people.filter((person) => person.updatedAt === state.peopleSeenUntil).map((person) => `person:${person.id}`),
      ...households.filter((household) => household.updatedAt === state.householdsSeenUntil).map((household) => `household:${household.id}`),
    ]);
    return true;
  }

  private schedulePersist(): void {
    clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => void this.persist(), PERSIST_DELAY_MS);
  }

  /** Writes the index now; called after a quiet moment, and by tests. */
  async persist(): Promise<void> {
    clearTimeout(this.persistTimer);
    if (this.state) await this.db.derived.put({ key: INDEX_KEY, value: this.state });
  }
}
