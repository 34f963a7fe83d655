/**
 * What a device token may read and write: every record whose household lies in one county,
 * township or village (or, for the office's own tools, everything).
 *
 * Matching is deliberately plain, because phones record address parts as typed names and the
 * receiver has no table of administrative divisions:
 * - a name scope (融水县, 融水镇, 新国村) matches a record whose address field at that level,
 *   trimmed, is exactly that name; the level comes from the name's ending (村/社区/居委会 →
 *   village, 镇/乡/街道/苏木 → township, 县/区/市/旗 → county);
 * - a code scope (GB/T 2260 six-digit county code, nine-digit township or twelve-digit village
 *   code of the 统计用区划代码) matches a record whose field at that level holds exactly that
 *   code, as records imported from systems that use codes do; phones record names, so prefer
 *   a name unless the records carry codes. Twelve- and nine-digit codes padded with zeros are
 *   read as the higher level they denote (450225000000 is the county 450225);
 * - levels are not nested: a village scope 新国村 matches 新国村 in any township.
 */
export const SCOPE_LEVELS = ['all', 'county', 'township', 'village'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

export interface Scope {
  level: ScopeLevel;
  name: string;
  code?: string;
}

/** Where a record belongs: its household's address parts. */
export interface Location {
  county: string;
  township: string;
  village: string;
}

export type ScopeParseResult = { ok: true; scope: Scope } | { ok: false; chinese: string; english: string };

const ALL_WORDS = new Set(['全部', 'all']);
const LEVEL_SUFFIXES: readonly [Exclude<ScopeLevel, 'all'>, readonly string[]][] = [
  // Village first: 社区 ends in 区, which would otherwise read as a county.
  ['village', ['村', '社区', '居委会', '村委会', '嘎查']],
  ['township', ['镇', '乡', '街道', '苏木']],
  ['county', ['县', '区', '市', '旗']],
];
export const LEVEL_NAMES: Record<ScopeLevel, string> = { all: '全部', county: '县（区）', township: '乡镇（街道）', village: '村（社区）' };

function codeScope(code: string): ScopeParseResult {
  let digits = code;
  if (digits.length === 12 && digits.endsWith('000')) digits = digits.slice(0, 9);
  if (digits.length === 9 && digits.endsWith('000')) digits = digits.slice(0, 6);
  const level = digits.length === 6 ? 'county' : digits.length === 9 ? 'township' : digits.length === 12 ? 'village' : undefined;
  if (!level || (level === 'county' && digits.endsWith('00'))) {
    return {
      ok: false,
      chinese: `行政区划代码「${code}」无效：应为 6 位县级代码、9 位乡镇代码或 12 位村级代码`,
      english: `invalid division code "${code}": expected a 6-digit county, 9-digit township or 12-digit village code`,
    };
  }
  return { ok: true, scope: { level, name: digits, code: digits } };
}

/** Reads the SCOPE of `fieldbook token create`: a county, township or village name or code. */
export function parseScope(text: string): ScopeParseResult {
  const value = text.trim();
  if (ALL_WORDS.has(value.toLowerCase())) return { ok: true, scope: { level: 'all', name: '全部' } };
  if (/^\d+$/.test(value)) return codeScope(value);
  if (value.length > 0 && value.length <= 40 && !/[\p{Cc}/\\]/u.test(value)) {
    for (const [level, suffixes] of LEVEL_SUFFIXES) {
      if (suffixes.some((suffix) => value.endsWith(suffix) && value.length > suffix.length)) return { ok: true, scope: { level, name: value } };
    }
  }
  return {
    ok: false,
    chinese: `无法识别范围「${value}」：请写县、乡镇或村的全称（如 融水县、融水镇、新国村）或行政区划代码（如 450225）`,
    english: `cannot read scope "${value}": give the full name of a county, township or village (e.g. 融水县, 融水镇, 新国村) or its division code (e.g. 450225)`,
  };
}

/** The values a record's address field at `scope.level` may hold to be inside the scope. */
export function scopeValues(scope: Scope): string[] {
  return scope.code && scope.code !== scope.name ? [scope.name, scope.code] : [scope.name];
}

export function isInScope(location: Location, scope: Scope): boolean {
  if (scope.level === 'all') return true;
  const value = location[scope.level].trim();
  return value !== '' && scopeValues(scope).includes(value);
}

/** The scope as a clerk reads it: 村（社区） 新国村. */
export function describeScope(scope: Scope): string {
  return scope.level === 'all' ? '全部' : `${LEVEL_NAMES[scope.level]} ${scope.name}`;
}
