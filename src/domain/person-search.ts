/**
 * One person as the search sees it. The worker builds these once (pinyin is costly) and keeps
 * them in memory; `name`, `idNumber`, `phone` and `householdNumber` are as stored.
 */
export interface SearchEntry {
  id: string;
  name: string;
  idNumber: string;
  phone: string;
  householdNumber: string;
  /** lower-case, no spaces: 张三丰 → zhangsanfeng */
  pinyinFull: string;
  /** lower-case: 张三丰 → zsf */
  pinyinInitials: string;
}

export interface SearchHit {
  id: string;
  score: number;
  matchedOn: 'name' | 'initials' | 'pinyin' | 'idNumber' | 'phone' | 'householdNumber';
}

type MatchedOn = SearchHit['matchedOn'];

interface Tier {
  score: number;
  matchedOn: MatchedOn;
}

// Best first: a match's tier is its index here.
const TIERS: readonly Tier[] = [
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
const NO_MATCH = -1;

const DEFAULT_LIMIT = 50;
const MIN_NUMBER_FRAGMENT = 4;

const FULL_WIDTH_ASCII = /[\uff01-\uff5e]/g;
const WHITESPACE = /\s+/g;
const NON_ASCII = /[\u0080-\uffff]/;
const ASCII_LETTER = /[a-z]/;
const NUMBER_QUERY = /^[0-9x-]+$/;
const DIGIT = /[0-9]/;

/** normalises a query: trim, lower-case, full-width → ASCII, spaces removed; x kept as x for ID search */
export function normalizeSearchQuery(raw: string): string {
  return raw
    .replace(FULL_WIDTH_ASCII, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
    .replace(WHITESPACE, '')
    .toLowerCase()
    .replace(/ü/g, 'v');
}

/** Everything derived from the query once, so the pass over the entries only compares strings. */
interface PreparedQuery {
  text: string;
  /** `text` upper-cased, for household numbers typed with letters */
  upper: string;
  /** `text` without hyphens, for ID and phone fragments */
  digits: string;
  /** `digits` with X upper-cased: ID numbers are stored with either */
  digitsUpper: string;
  /** a Han query with Latin letters in it must lower-case each name to compare */
  nameNeedsLowerCase: boolean;
}

/**
 * The entry's best tier, or NO_MATCH. Tiers at or past `cutoff` can no longer reach the list,
 * so their checks are skipped.
 */
type Matcher = (entry: SearchEntry, query: PreparedQuery, cutoff: number) => number;

function matchName(entry: SearchEntry, query: PreparedQuery): number {
  const name = query.nameNeedsLowerCase ? entry.name.toLowerCase() : entry.name;
  const at = name.indexOf(query.text);
  if (at < 0) return NO_MATCH;
  if (at > 0) return NAME_CONTAINS;
  return name.length === query.text.length ? NAME_EXACT : NAME_PREFIX;
}

function matchHouseholdNumber(entry: SearchEntry, query: PreparedQuery, cutoff: number): number {
  if (cutoff <= HOUSEHOLD_EXACT) return NO_MATCH;
  const number = entry.householdNumber;
  const first = number.charCodeAt(0);
  if (first !== query.text.charCodeAt(0) && first !== query.upper.charCodeAt(0)) return NO_MATCH;
  if (number === query.text || number === query.upper) return HOUSEHOLD_EXACT;
  if (cutoff <= HOUSEHOLD_PREFIX) return NO_MATCH;
  if (number.startsWith(query.text) || (query.upper !== query.text && number.startsWith(query.upper))) return HOUSEHOLD_PREFIX;
  return NO_MATCH;
}

function matchPinyin(entry: SearchEntry, query: PreparedQuery, cutoff: number): number {
  const full = entry.pinyinFull;
  // Initials start with the same letter as the full pinyin, so one character code rules out
  // nearly every entry before any string call.
  if (full.charCodeAt(0) === query.text.charCodeAt(0)) {
    const initials = entry.pinyinInitials;
    if (initials === query.text) return INITIALS_EXACT;
    if (initials.startsWith(query.text)) return INITIALS_PREFIX;
    if (full.startsWith(query.text)) return PINYIN_PREFIX;
  }
  return matchHouseholdNumber(entry, query, cutoff);
}

/** `haystack` contains `needle` once the hyphens in `haystack` are skipped (0762-3388123 holds 07623388) */
function includesIgnoringHyphens(haystack: string, needle: string): boolean {
  for (let start = 0; start < haystack.length; start++) {
    let at = start;
    let matched = 0;
    while (matched < needle.length && at < haystack.length) {
      const character = haystack.charCodeAt(at);
      if (character === 45 /* - */) {
        at++;
        continue;
      }
      if (character !== needle.charCodeAt(matched)) break;
      at++;
      matched++;
    }
    if (matched === needle.length) return true;
  }
  return false;
}

function matchIdNumber(id: string, query: PreparedQuery): number {
  const { digits, digitsUpper } = query;
  const found = id.includes(digits) || (digitsUpper !== digits && id.includes(digitsUpper));
  if (!found) return NO_MATCH;
  return id.endsWith(digits) || id.endsWith(digitsUpper) ? ID_END : ID_FRAGMENT;
}

function matchPhone(phone: string, digits: string): boolean {
  if (phone.includes(digits)) return true;
  // Only landlines (area code, leading 0) carry a hyphen; a mobile number needs no second look.
  return phone.charCodeAt(0) === 48 /* 0 */ && includesIgnoringHyphens(phone, digits);
}

function matchNumber(entry: SearchEntry, query: PreparedQuery, cutoff: number): number {
  if (query.digits.length >= MIN_NUMBER_FRAGMENT) {
    const idTier = matchIdNumber(entry.idNumber, query);
    if (idTier !== NO_MATCH) return idTier;
    if (cutoff > PHONE_FRAGMENT && query.digitsUpper === query.digits && matchPhone(entry.phone, query.digits)) return PHONE_FRAGMENT;
  }
  return matchHouseholdNumber(entry, query, cutoff);
}

function prepareQuery(text: string): { query: PreparedQuery; match: Matcher; bestTier: number } {
  const digits = text.replace(/-/g, '');
  const query: PreparedQuery = {
    text,
    upper: text.toUpperCase(),
    digits,
    digitsUpper: digits.replace(/x/g, 'X'),
    nameNeedsLowerCase: ASCII_LETTER.test(text),
  };
  if (NON_ASCII.test(text)) return { query, match: matchName, bestTier: NAME_EXACT };
  if (NUMBER_QUERY.test(text) && DIGIT.test(text)) return { query, match: matchNumber, bestTier: ID_END };
  return { query, match: matchPinyin, bestTier: INITIALS_EXACT };
}

/** the first tier that can no longer reach the list: the tiers up to it already hold `limit` earlier entries */
function findCutoff(buckets: readonly number[][], limit: number): number {
  let count = 0;
  for (let tier = 0; tier < buckets.length; tier++) {
    count += buckets[tier]!.length;
    if (count >= limit) return tier;
  }
  return buckets.length;
}

/** ranked top `limit` (default 50) hits; empty query → [] */
export function searchPeople(entries: readonly SearchEntry[], rawQuery: string, limit: number = DEFAULT_LIMIT): SearchHit[] {
  const text = normalizeSearchQuery(rawQuery);
  const wanted = Math.floor(limit);
  if (text === '' || !(wanted >= 1)) return [];

  const { query, match, bestTier } = prepareQuery(text);
  // Scores come in a few fixed tiers and ties go to the earlier entry, so per-tier lists filled
  // in entry order are already sorted; no tier ever needs more than `wanted` entries.
  const buckets: number[][] = TIERS.map(() => []);
  let cutoff = TIERS.length;
  for (let index = 0; index < entries.length; index++) {
    const tier = match(entries[index]!, query, cutoff);
    if (tier < 0 || tier >= cutoff) continue;
    buckets[tier]!.push(index);
    cutoff = findCutoff(buckets, wanted);
    if (cutoff <= bestTier) break;
  }

  const hits: SearchHit[] = [];
  for (let tier = 0; tier < TIERS.length && hits.length < wanted; tier++) {
    const { score, matchedOn } = TIERS[tier]!;
    for (const index of buckets[tier]!) {
      if (hits.length === wanted) break;
      hits.push({ id: entries[index]!.id, score, matchedOn });
    }
  }
  return hits;
}
