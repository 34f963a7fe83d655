/**
 * Writes src/domain/pinyin-table.ts: the toneless readings of every character pinyin-pro can
 * read (the CJK Unified Ideographs block, and the few hundred characters of the extension
 * blocks it knows, those of the 通用规范汉字表), packed as pinyin-table-format.ts describes into
 * about 18 KB gzipped instead of pinyin-pro's ~130 KB. The characters of GB 2312 (the common
 * ones) and those outside the basic block keep every reading exactly; the rest of the block, rare
 * in names, keeps the initial of each reading, so search over them finds a few more names and
 * never misses one.
 *
 * pinyin-pro is a devDependency used only here. Run after upgrading it:
 *
 *   npx tsx scripts/generate-pinyin-table.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pinyin, polyphonic } from 'pinyin-pro';
import { assignCanonicalCodes, BASIC_FIRST, BASIC_LAST, BITS, classOfReading, DIGITS, LENGTH_BASE, listGb2312 } from '../src/domain/pinyin-table-format';

const OUTPUT = new URL('../src/domain/pinyin-table.ts', import.meta.url);
/** Characters outside the basic block worth a look: 〇, extension A, and extensions B to H. */
const OTHER_RANGES: readonly [number, number][] = [[0x3007, 0x3007], [0x3400, 0x4dbf], [0x20000, 0x323af]];

function normalizeReading(reading: string): string {
  return reading.replace(/ü/g, 'v').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * Readings of characters in surnames (单 shan, 尉迟 yu chi, 万俟 mo qi), from pinyin-pro's
 * surname list, which it does not export: a name must be findable by them.
 */
function readSurnameReadings(): Map<string, string[]> {
  const path = join(dirname(createRequire(import.meta.url).resolve('pinyin-pro')), 'esm/data/surname.mjs');
  const readings = new Map<string, string[]>();
  for (const [, surname, spelled] of readFileSync(path, 'utf8').matchAll(/^\s*'?(\p{Script=Han}+)'?: '([^']+)',$/gmu)) {
    const characters = [...surname!];
    const syllables = spelled!.split(' ').map(normalizeReading);
    if (characters.length !== syllables.length) throw new Error(`cannot read the surname ${surname} ${spelled}`);
    characters.forEach((character, index) => readings.set(character, [...(readings.get(character) ?? []), syllables[index]!]));
  }
  if (readings.size < 400) throw new Error(`read only ${readings.size} surname characters from ${path}`);
  return readings;
}
const surnameReadings = readSurnameReadings();

/** The character's readings, the most common first; [] when pinyin-pro does not know it. */
function readingsOf(character: string): string[] {
  const primary = normalizeReading(pinyin(character, { toneType: 'none' }));
  if (!/^[a-z]+$/.test(primary)) return [];
  const all = (polyphonic(character, { toneType: 'none', type: 'array' })[0] ?? []).map(normalizeReading);
  return [...new Set([primary, ...all, ...(surnameReadings.get(character) ?? [])])].filter((reading) => /^[a-z]+$/.test(reading));
}

const table = new Map<number, string[]>();
for (const [first, last] of [[BASIC_FIRST, BASIC_LAST] as const, ...OTHER_RANGES]) {
  for (let codePoint = first; codePoint <= last; codePoint++) {
    const readings = readingsOf(String.fromCodePoint(codePoint));
    if (readings.length > 0) table.set(codePoint, readings);
  }
}

const syllables = [...new Set([...table.values()].flat())].sort();
const syllableIndex = new Map(syllables.map((syllable, index) => [syllable, index]));
const classes = [...new Set(syllables.map(classOfReading))].sort();
const classIndex = new Map(classes.map((name, index) => [name, index]));

// GB 2312's first level in its own (pinyin) order: each character's first reading is the run's,
// kept from the character before when it has that reading too.
const gb2312 = listGb2312();
const firstLevel = gb2312.firstLevel.map((character) => character.codePointAt(0)!);
const secondLevel = new Set(gb2312.secondLevel.map((character) => character.codePointAt(0)!));
const firstReadings = new Map<number, string>();
const runs: [string, number][] = [];
for (const codePoint of firstLevel) {
  const readings = table.get(codePoint);
  if (!readings) throw new Error(`pinyin-pro has no reading for GB 2312 ${String.fromCodePoint(codePoint)}`);
  const run = runs.at(-1);
  if (run && readings.includes(run[0])) run[1] += 1;
  else runs.push([readings[0]!, 1]);
  firstReadings.set(codePoint, runs.at(-1)![0]);
}
const runSymbols = runs.flatMap(([syllable, length], index) => {
  const previous = index === 0 ? 0 : syllableIndex.get(runs[index - 1]![0])!;
  return [(syllableIndex.get(syllable)! - previous + syllables.length) % syllables.length, length];
});

/**
 * The block in code point order, each character in one of three codes:
 * - F, GB 2312's first level: how many readings it has besides the run's, then those (code E).
 * - E, GB 2312's second level: NONE, its only reading, or MORE + k, its first reading and k more.
 * - C, any other: the same, with initials (classOfReading) for readings.
 */
type Code = 'F' | 'E' | 'C';
const symbols: [Code, number][] = [];
/** NONE, or the only value, or MORE + k, the first and k more; NONE is the count of values and MORE = NONE. */
function pushValues(code: Code, values: readonly number[], none: number): void {
  if (values.length === 0) symbols.push([code, none]);
  if (values.length > 1) symbols.push([code, none + values.length - 1]);
  values.forEach((value) => symbols.push([code, value]));
}
for (let codePoint = BASIC_FIRST; codePoint <= BASIC_LAST; codePoint++) {
  const readings = table.get(codePoint) ?? [];
  const first = firstReadings.get(codePoint);
  if (first !== undefined) {
    const more = readings.filter((reading) => reading !== first);
    symbols.push(['F', more.length], ...more.map((reading): [Code, number] => ['E', syllableIndex.get(reading)!]));
  } else if (secondLevel.has(codePoint)) {
    pushValues('E', readings.map((reading) => syllableIndex.get(reading)!), syllables.length);
  } else {
    pushValues('C', [...new Set(readings.map(classOfReading))].map((name) => classIndex.get(name)!), classes.length);
  }
}

// The few characters outside the block, exactly: code point step (four base-32 digits), number of readings, readings.
const others = [...table].filter(([codePoint]) => codePoint < BASIC_FIRST || codePoint > BASIC_LAST).sort(([a], [b]) => a - b);
const otherSymbols: number[] = [];
let previous = 0;
for (const [codePoint, readings] of others) {
  otherSymbols.push(...[...(codePoint - previous).toString(32).padStart(4, '0')].map((digit) => parseInt(digit, 32)));
  previous = codePoint;
  otherSymbols.push(readings.length, ...readings.map((reading) => syllableIndex.get(reading)!));
}

/** Huffman code lengths for symbols of these weights (0: the symbol never occurs). */
function computeCodeLengths(weights: readonly number[]): number[] {
  interface Node { weight: number; symbols: number[] }
  const lengths = weights.map(() => 0);
  let nodes: Node[] = weights.flatMap((weight, symbol) => (weight > 0 ? [{ weight, symbols: [symbol] }] : []));
  if (nodes.length === 1) lengths[nodes[0]!.symbols[0]!] = 1;
  while (nodes.length > 1) {
    nodes.sort((a, b) => a.weight - b.weight);
    const [a, b] = nodes as [Node, Node];
    for (const symbol of [...a.symbols, ...b.symbols]) lengths[symbol]! += 1;
    nodes = [{ weight: a.weight + b.weight, symbols: [...a.symbols, ...b.symbols] }, ...nodes.slice(2)];
  }
  return lengths;
}

interface HuffmanCode {
  /** The code lengths as text, one character per symbol, as HuffmanReader takes them. */
  text: string;
  codes: Map<number, { length: number; code: number }>;
}

function codeFor(values: readonly number[]): HuffmanCode {
  const weights = Array.from({ length: Math.max(...values) + 1 }, () => 0);
  for (const value of values) weights[value]! += 1;
  const lengths = computeCodeLengths(weights);
  return {
    text: lengths.map((length) => String.fromCharCode(LENGTH_BASE + length)).join(''),
    codes: new Map(assignCanonicalCodes(lengths).map(({ symbol, length, code }) => [symbol, { length, code }])),
  };
}

/** The values, each in its code, as text: BITS bits to a character of DIGITS. */
function encode(values: readonly [HuffmanCode, number][]): string {
  let text = '';
  let buffer = 0;
  let buffered = 0;
  for (const [code, value] of values) {
    const { length, code: bits } = code.codes.get(value)!;
    for (let bit = length - 1; bit >= 0; bit--) {
      buffer = (buffer << 1) | ((bits >> bit) & 1);
      if (++buffered === BITS) {
        text += DIGITS[buffer];
        buffer = 0;
        buffered = 0;
      }
    }
  }
  return buffered > 0 ? text + DIGITS[buffer << (BITS - buffered)] : text;
}

const codes = Object.fromEntries((['F', 'E', 'C'] as const).map((code) => [code, codeFor(symbols.flatMap(([which, value]) => (which === code ? [value] : [])))])) as Record<Code, HuffmanCode>;
const runCode = codeFor(runSymbols);
const otherCode = codeFor(otherSymbols);

const { version } = (await import('pinyin-pro/package.json', { with: { type: 'json' } })).default;
const source = `// Generated by scripts/generate-pinyin-table.ts from pinyin-pro ${version}: do not edit.
// ${table.size} characters, ${syllables.length} syllables; read by pinyin.ts, packed as pinyin-table-format.ts says.

/** Every toneless syllable: as a symbol, n is the nth. */
export const SYLLABLES = '${syllables.join(' ')}';

/** GB 2312's first level, in its order: runs of one first reading, as (syllable number step, length). */
export const RUN_CODE = '${runCode.text}';
export const RUNS = '${encode(runSymbols.map((value) => [runCode, value]))}';

/** U+${BASIC_FIRST.toString(16).toUpperCase()} to U+${BASIC_LAST.toString(16).toUpperCase()} one after another, in three codes, as generate-pinyin-table.ts describes. */
export const FIRST_LEVEL_CODE = '${codes.F.text}';
export const EXACT_CODE = '${codes.E.text}';
export const CLASS_CODE = '${codes.C.text}';
export const BASIC_READINGS = '${encode(symbols.map(([code, value]) => [codes[code], value]))}';

/** The ${others.length} characters outside that block: code point step in four base-32 digits, number of readings, readings. */
export const OTHER_COUNT = ${others.length};
export const OTHER_CODE = '${otherCode.text}';
export const OTHER_READINGS = '${encode(otherSymbols.map((value) => [otherCode, value]))}';
`;
writeFileSync(OUTPUT, source);
console.log(`wrote ${OUTPUT.pathname}: ${table.size} characters, ${syllables.length} syllables in ${classes.length} classes, ${runs.length} runs in GB 2312's first level, ${source.length} characters of source`);
