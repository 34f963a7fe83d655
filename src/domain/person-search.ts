import { readNameSyllables, spellName, type NameSyllables } from './pinyin';

/** One person as the search sees it: the fields as stored. */
export interface SearchEntry {
  id: string;
  name: string;
  idNumber: string;
  phone: string;
  householdNumber: string;
}

export interface SearchHit {
  id: string;
  score: number;
  matchedOn: 'name' | 'initials' | 'pinyin' | 'idNumber' | 'phone' | 'householdNumber';
}

type MatchedOn = SearchHit['matchedOn'];

// Best first: a match's tier is its index here.
const TIERS: readonly { score: number; matchedOn: MatchedOn }[] = [
  { score: 100, matchedOn: 'name' },
  { score: 90, matchedOn: 'name' },
  { score: 80, matchedOn: 'name' },
  { score: 70, matchedOn: 'initials' },
  { score: 60, matchedOn: 'initials' },
  { score: 50, matchedOn: 'pinyin' },
  { score: 40, matchedOn: 'idNumber' },
  { score: 35, matchedOn: 'idNumber' },
  { score: 30, matchedOn: 'phone' },
  { score: 20, matchedOn: 'householdNumber' },
  { score: 10, matchedOn: 'householdNumber' },
];
const NAME_EXACT = 0;
const NAME_PREFIX = 1;
const NAME_CONTAINS = 2;
const INITIALS_EXACT = 3;
const INITIALS_PREFIX = 4;
const PINYIN_PREFIX = 5;
const ID_END = 6;
const ID_FRAGMENT = 7;
const PHONE_FRAGMENT = 8;
const HOUSEHOLD_EXACT = 9;
const HOUSEHOLD_PREFIX = 10;

const DEFAULT_LIMIT = 50;
const MIN_NUMBER_FRAGMENT = 4;
/** More spellings than this (a long name of many-reading characters) are matched syllable by syllable. */
const MAX_SPELLINGS = 32;

const FULL_WIDTH_ASCII = /[\uff01-\uff5e]/g;
const WHITESPACE = /\s+/g;
const NON_ASCII = /[\u0080-\uffff]/;
const NUMBER_QUERY = /^[0-9x-]+$/;
const DIGIT = /[0-9]/;

/** Separates the people (and one person's spellings) in the joined texts; no query holds it. */
const SEPARATOR = '\u0000';

/** normalises a query: trim, lower-case, full-width → ASCII, spaces removed; x kept as x for ID search */
export function normalizeSearchQuery(raw: string): string {
  return raw
    .replace(FULL_WIDTH_ASCII, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
    .replace(WHITESPACE, '')
    .replaceAll(SEPARATOR, '')
    .toLowerCase()
    .replace(/ü/g, 'v');
}

const FIELDS = ['name', 'idNumber', 'phone', 'householdNumber', 'initials', 'pinyin'] as const;
type Field = (typeof FIELDS)[number];

/** One field of everyone, as one text: SEPARATOR, then each person's value(s) and a SEPARATOR after each. */
interface JoinedField {
  text: string;
  /** Where each slot's leading SEPARATOR is; one more at the end. */
  starts: Int32Array;
}

function reverse(text: string): string {
  return text.split('').reverse().join('');
}

/** Whether `query` is a prefix of some spelling of the syllables (each syllable one of its readings). */
function startsSomeSpelling(syllables: NameSyllables, query: string, syllable = 0, at = 0): boolean {
  if (at === query.length) return true;
  if (syllable === syllables.length) return false;
  for (const reading of syllables[syllable]!) {
    const rest = query.length - at;
    if (rest <= reading.length ? reading.startsWith(query.slice(at)) : query.startsWith(reading, at) && startsSomeSpelling(syllables, query, syllable + 1, at + reading.length)) return true;
  }
  return false;
}

/** Whether `query` is (with `exact`, all of) the first letters of some spelling. */
function matchesSomeInitials(syllables: NameSyllables, query: string, exact: boolean): boolean {
  if (exact ? query.length !== syllables.length : query.length > syllables.length) return false;
  for (let index = 0; index < query.length; index++) {
    const letter = query.charAt(index);
    if (!syllables[index]!.some((reading) => reading.charAt(0) === letter)) return false;
  }
  return true;
}

/**
 * Everyone's names, pinyin, ID, phone and household numbers, kept to answer searches as the
 * user types: each field of everyone is one text, so a query is a few `indexOf` scans over
 * them and allocates nothing per person. Edits replace a person in place (ties keep their
 * order); the texts are joined again on the next search, only for the fields that changed.
 */
export class PersonMatcher {
  private readonly slotOf = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly values: Record<Field, string[]> = { name: [], idNumber: [], phone: [], householdNumber: [], initials: [], pinyin: [] };
  /** Names with too many spellings to list: matched syllable by syllable. */
  private readonly unspelled = new Map<number, NameSyllables>();
  private readonly joined = new Map<Field, JoinedField>();
  private readonly stale = new Set<Field>(FIELDS);
  /** `marks[slot] === search` once the slot is a hit of the current search. */
  private marks = new Uint32Array(0);
  private search = 0;

  constructor(entries: Iterable<SearchEntry> = []) {
    for (const entry of entries) this.put(entry);
  }

  get size(): number {
    return this.slotOf.size;
  }

  /** Adds the person, or replaces the one with the same id. */
  put(entry: SearchEntry): void {
    let slot = this.slotOf.get(entry.id);
    const isNew = slot === undefined;
    if (slot === undefined) {
      slot = this.ids.length;
      this.slotOf.set(entry.id, slot);
      this.ids.push(entry.id);
    }
    const strip = (text: string) => (text.includes(SEPARATOR) ? text.replaceAll(SEPARATOR, '') : text);
    // Keep the stored string where lower-casing changes nothing (most names): no second copy.
    const lower = entry.name.toLowerCase();
    const name = strip(lower === entry.name ? entry.name : lower);
    if (isNew || this.values.name[slot] !== name) {
      this.set('name', slot, name);
      const syllables = readNameSyllables(name);
      const spellings = spellName(syllables, MAX_SPELLINGS);
      if (spellings) this.unspelled.delete(slot);
      else this.unspelled.set(slot, syllables);
      this.set('initials', slot, spellings?.initials.join(SEPARATOR) ?? '');
      this.set('pinyin', slot, spellings?.full.join(SEPARATOR) ?? '');
    }
    // ID numbers are stored with x or X; household numbers may carry letters. IDs are kept
    // reversed: "ends with" becomes "starts with", a scan that skips from person to person.
    this.set('idNumber', slot, reverse(strip(entry.idNumber.toUpperCase())));
    // A landline is found with or without the hyphen after its area code.
    this.set('phone', slot, strip(entry.phone.replaceAll('-', '')));
    this.set('householdNumber', slot, strip(entry.householdNumber.toUpperCase()));
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.ids[slot] = '';
    this.unspelled.delete(slot);
    for (const field of FIELDS) this.set(field, slot, '');
  }

  private set(field: Field, slot: number, value: string): void {
    if (this.values[field][slot] === value) return;
    this.values[field][slot] = value;
    this.stale.add(field);
  }

  private field(name: Field): JoinedField {
    let joined = this.joined.get(name);
    if (!joined || this.stale.has(name)) {
      const values = this.values[name];
      const starts = new Int32Array(values.length + 1);
      let at = 0;
      for (let slot = 0; slot < values.length; slot++) {
        starts[slot] = at;
        at += values[slot]!.length + 1;
      }
      starts[values.length] = at;
      joined = { text: `${SEPARATOR}${values.join(SEPARATOR)}${SEPARATOR}`, starts };
      this.joined.set(name, joined);
      this.stale.delete(name);
    }
    return joined;
  }

  /** ranked top `limit` (default 50) hits: the best tier first, in the order people were added within one; empty query → [] */
  find(rawQuery: string, limit: number = DEFAULT_LIMIT): SearchHit[] {
    const text = normalizeSearchQuery(rawQuery);
    const wanted = Math.floor(limit);
    if (text === '' || !(wanted >= 1)) return [];
    // Join every changed field now: the first search after a start or an edit pays for it, not
    // whichever later one first needs the field.
    for (const field of this.stale) this.field(field);
    if (this.marks.length < this.ids.length) this.marks = new Uint32Array(Math.max(1024, this.ids.length * 2));
    const search = ++this.search;
    const hits: SearchHit[] = [];

    /** Adds the slots where `pattern` occurs in `field` (and `also`, sorted) to `tier`, in slot order; true once the list is full. */
    const collect = (fieldName: Field, pattern: string, tier: number, also: readonly number[] = []): boolean => {
      const { text: joined, starts } = this.field(fieldName);
      const { score, matchedOn } = TIERS[tier]!;
      let next = 0;
      const accept = (slot: number) => {
        if (this.marks[slot] === search) return false;
        this.marks[slot] = search;
        hits.push({ id: this.ids[slot]!, score, matchedOn });
        return hits.length === wanted;
      };
      let low = 0;
      for (let at = joined.indexOf(pattern); at >= 0; at = joined.indexOf(pattern, at + 1)) {
        // The slot holding `at`: the last start at or before it (hits come in order, so search on from the last).
        let high = starts.length - 1;
        while (low < high) {
          const middle = (low + high + 1) >> 1;
          if (starts[middle]! <= at) low = middle;
          else high = middle - 1;
        }
        while (next < also.length && also[next]! < low) if (accept(also[next++]!)) return true;
        if (accept(low)) return true;
      }
      while (next < also.length) if (accept(also[next++]!)) return true;
      return false;
    };

    const S = SEPARATOR;
    if (NON_ASCII.test(text)) {
      void (collect('name', S + text + S, NAME_EXACT) || collect('name', S + text, NAME_PREFIX) || collect('name', text, NAME_CONTAINS));
      return hits;
    }
    const upper = text.toUpperCase();
    const households = () => collect('householdNumber', S + upper + S, HOUSEHOLD_EXACT) || collect('householdNumber', S + upper, HOUSEHOLD_PREFIX);
    if (NUMBER_QUERY.test(text) && DIGIT.test(text)) {
      const digits = text.replaceAll('-', '');
      const digitsUpper = digits.toUpperCase();
      if (digits.length >= MIN_NUMBER_FRAGMENT) {
        const reversed = reverse(digitsUpper);
        if (collect('idNumber', S + reversed, ID_END) || collect('idNumber', reversed, ID_FRAGMENT)) return hits;
        if (digitsUpper === digits && collect('phone', digits, PHONE_FRAGMENT)) return hits;
      }
      households();
      return hits;
    }
    const unspelled = [...this.unspelled.keys()].sort((a, b) => a - b);
    const unspelledIn = (matches: (syllables: NameSyllables) => boolean) => unspelled.filter((slot) => matches(this.unspelled.get(slot)!));
    void (
      collect('initials', S + text + S, INITIALS_EXACT, unspelledIn((syllables) => matchesSomeInitials(syllables, text, true))) ||
      collect('initials', S + text, INITIALS_PREFIX, unspelledIn((syllables) => matchesSomeInitials(syllables, text, false))) ||
      collect('pinyin', S + text, PINYIN_PREFIX, unspelledIn((syllables) => startsSomeSpelling(syllables, text))) ||
      households()
    );
    return hits;
  }
}
