import { BASIC_READINGS, CLASS_CODE, EXACT_CODE, FIRST_LEVEL_CODE, OTHER_CODE, OTHER_COUNT, OTHER_READINGS, RUN_CODE, RUNS, SYLLABLES } from './pinyin-table';
import { BASIC_FIRST, BASIC_LAST, BitReader, classOfReading, HuffmanReader, listGb2312 } from './pinyin-table-format';

type Readings = readonly string[];

interface Table {
  /** By code point from BASIC_FIRST. */
  basic: (Readings | undefined)[];
  others: Map<number, Readings>;
}

let table: Table | undefined;

/** Unpacks pinyin-table.ts as generate-pinyin-table.ts packed it: once, on the first name read. */
function loadTable(): Table {
  const syllables = SYLLABLES.split(' ');
  const only = syllables.map((syllable) => [syllable] as Readings);
  const classNames = [...new Set(syllables.map(classOfReading))].sort();
  const classes = classNames.map((name) => syllables.filter((syllable) => classOfReading(syllable) === name));
  const gb2312 = listGb2312();

  const firstReadings = new Map<number, number>();
  const runs = new BitReader(RUNS);
  const runCode = new HuffmanReader(RUN_CODE);
  let syllable = 0;
  for (let done = 0; done < gb2312.firstLevel.length; ) {
    syllable = (syllable + runCode.read(runs)) % syllables.length;
    const length = runCode.read(runs);
    for (const character of gb2312.firstLevel.slice(done, done + length)) firstReadings.set(character.codePointAt(0)!, syllable);
    done += length;
  }
  const secondLevel = new Set(gb2312.secondLevel.map((character) => character.codePointAt(0)!));

  const bits = new BitReader(BASIC_READINGS);
  const firstLevelCode = new HuffmanReader(FIRST_LEVEL_CODE);
  const exactCode = new HuffmanReader(EXACT_CODE);
  const classCode = new HuffmanReader(CLASS_CODE);
  const readMore = (first: Readings, count: number): Readings => {
    let readings = first;
    for (let index = 0; index < count; index++) readings = [...readings, syllables[exactCode.read(bits)]!];
    return readings;
  };
  /** NONE, one value, or MORE + k and k + 1 values (NONE = MORE = the number of values). */
  const readValues = (code: HuffmanReader, values: readonly Readings[]): Readings | undefined => {
    const symbol = code.read(bits);
    if (symbol < values.length) return values[symbol];
    if (symbol === values.length) return undefined;
    const readings = new Set<string>();
    for (let index = 0; index <= symbol - values.length; index++) values[code.read(bits)]!.forEach((reading) => readings.add(reading));
    return [...readings];
  };
  const basic: (Readings | undefined)[] = [];
  for (let codePoint = BASIC_FIRST; codePoint <= BASIC_LAST; codePoint++) {
    const first = firstReadings.get(codePoint);
    if (first !== undefined) basic.push(readMore(only[first]!, firstLevelCode.read(bits)));
    else basic.push(readValues(secondLevel.has(codePoint) ? exactCode : classCode, secondLevel.has(codePoint) ? only : classes));
  }

  const others = new Map<number, Readings>();
  const otherBits = new BitReader(OTHER_READINGS);
  const otherCode = new HuffmanReader(OTHER_CODE);
  let codePoint = 0;
  for (let index = 0; index < OTHER_COUNT; index++) {
    let step = 0;
    for (let digit = 0; digit < 4; digit++) step = step * 32 + otherCode.read(otherBits);
    codePoint += step;
    const count = otherCode.read(otherBits);
    others.set(codePoint, Array.from({ length: count }, () => syllables[otherCode.read(otherBits)]!));
  }
  return { basic, others };
}

/**
 * The toneless readings of a Han character (ü written v): for the characters of GB 2312 and
 * those outside the basic block (the 通用规范汉字表's), every reading, the most common first
 * (单 → dan, shan, chan); for the rest of the block, rare in names, every syllable with the
 * initial of one of its readings (堃 → ka, kai, …, kun, kuo): a search finds a few more names
 * with such a character, and never misses one. Empty for a character the table does not hold
 * (pinyin-pro's) and anything that is not Han.
 */
export function readingsOf(codePoint: number): Readings {
  table ??= loadTable();
  if (codePoint >= BASIC_FIRST && codePoint <= BASIC_LAST) return table.basic[codePoint - BASIC_FIRST] ?? [];
  return table.others.get(codePoint) ?? [];
}

/** A name as pinyin: for each syllable the ways to read it; a run of Latin letters or digits is one. */
export type NameSyllables = readonly Readings[];

const FULL_WIDTH_ASCII = /[\uff01-\uff5e]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const LETTER_OR_DIGIT = /^[a-z0-9]$/;

/** A character that is not Han, as search types it: ü as v, other accents dropped; '' for anything but a letter or digit. */
function foldLatin(character: string): string {
  const folded = character.toLowerCase().replace(/ü/g, 'v').normalize('NFD').replace(COMBINING_MARKS, '');
  return LETTER_OR_DIGIT.test(folded) ? folded : '';
}

/**
 * A person's name as search spells it. Each Han character counts with every reading it has, so
 * a surname is found by its surname sound (单 shan, 曾 zeng, 仇 qiu) and by any other. A run of
 * Latin letters or digits (full-width ones too) is one syllable, lower-cased; '·', spaces and
 * characters without a reading are dropped.
 */
export function readNameSyllables(name: string): NameSyllables {
  const syllables: Readings[] = [];
  let run = '';
  const endRun = () => {
    if (run) syllables.push([run]);
    run = '';
  };
  for (const character of name.replace(FULL_WIDTH_ASCII, (wide) => String.fromCharCode(wide.charCodeAt(0) - 0xfee0))) {
    const readings = readingsOf(character.codePointAt(0)!);
    if (readings.length > 0) {
      endRun();
      syllables.push(readings);
      continue;
    }
    const folded = foldLatin(character);
    if (folded) run += folded;
    else endRun();
  }
  endRun();
  return syllables;
}

/** The ways to spell a name: every syllable run together (zhangsanfeng), and their first letters (zsf). */
export interface NameSpellings {
  full: string[];
  initials: string[];
}

/**
 * Every spelling of the name, each once, the most common readings first; null when there would
 * be more than `max` (a long name of many-reading characters), for the caller to match syllable
 * by syllable instead.
 */
export function spellName(syllables: NameSyllables, max: number): NameSpellings | null {
  let count = 1;
  for (const readings of syllables) {
    count *= readings.length;
    if (count > max) return null;
  }
  if (count === 1) {
    // Most names: one reading per character. join() makes flat strings (+= would keep a chain
    // of pieces per name, several times the memory over 100,000 names).
    return { full: [syllables.map(([reading]) => reading).join('')], initials: [syllables.map(([reading]) => reading!.charAt(0)).join('')] };
  }
  const extend = (starts: string[], endings: readonly string[]) => starts.flatMap((start) => endings.map((ending) => [start, ending].join('')));
  let full = [''];
  let initials = [''];
  for (const readings of syllables) {
    full = extend(full, readings);
    initials = extend(initials, [...new Set(readings.map((reading) => reading.charAt(0)))]);
  }
  return { full: [...new Set(full)], initials };
}
