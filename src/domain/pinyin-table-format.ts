/**
 * How pinyin-table.ts is packed (scripts/generate-pinyin-table.ts writes it, pinyin.ts reads it):
 * symbols (small numbers) go through canonical Huffman codes, so common readings take fewer
 * bits, and the bits are written six to a character of an alphabet that needs no escaping in
 * any kind of JavaScript string literal. gzip cannot shrink such text much further, so what the
 * app downloads is close to the readings' entropy.
 */

/** The block the table covers one code point after another. */
export const BASIC_FIRST = 0x4e00;
export const BASIC_LAST = 0x9fff;

/**
 * GB 2312's 6,763 hanzi, the common characters: 一级 (rows 16–55), which the standard orders by
 * pinyin, so that decoded in that order their readings come in a few hundred runs, and 二级
 * (rows 56–87). The Encoding Standard fixes the GBK decoder, so browsers and Node agree on them.
 */
export function listGb2312(): { firstLevel: string[]; secondLevel: string[] } {
  const decodeRows = (first: number, last: number) => {
    const bytes: number[] = [];
    for (let row = first; row <= last; row++) for (let cell = 0xa1; cell <= 0xfe; cell++) bytes.push(row, cell);
    return [...new TextDecoder('gbk').decode(new Uint8Array(bytes))].filter((character) => {
      const codePoint = character.codePointAt(0)!;
      return codePoint >= BASIC_FIRST && codePoint <= BASIC_LAST;
    });
  };
  return { firstLevel: decodeRows(0xb0, 0xd7), secondLevel: decodeRows(0xd8, 0xf7) };
}

const INITIAL = /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])/;

/**
 * What the table keeps of a reading of a character outside GB 2312 (rare in names): its initial
 * (zh, ch and sh apart from z, c and s; a, e or o for a syllable without one). Such a character
 * then reads as every syllable of its initials: search finds a few more names with it, and never
 * misses one.
 */
export function classOfReading(reading: string): string {
  return INITIAL.exec(reading)?.[0] ?? reading.charAt(0);
}

/** Bits to a character of the packed text, the characters, and the character for code length 0. */
export const BITS = 6;
export const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export const LENGTH_BASE = 0x40;

/** The canonical Huffman code for these code lengths (0: the symbol never occurs), shortest first. */
export function assignCanonicalCodes(lengths: readonly number[]): { symbol: number; length: number; code: number }[] {
  const order = lengths.flatMap((length, symbol) => (length > 0 ? [{ symbol, length, code: 0 }] : [])).sort((a, b) => a.length - b.length || a.symbol - b.symbol);
  let code = 0;
  let length = order[0]?.length ?? 0;
  for (const entry of order) {
    code <<= entry.length - length;
    length = entry.length;
    entry.code = code++;
  }
  return order;
}

/** Reads symbols of one canonical Huffman code, given as text: one character per symbol, its code length. */
export class HuffmanReader {
  private readonly sorted: number[] = [];
  private readonly firstCode: number[] = [];
  private readonly firstIndex: number[] = [];
  private readonly counts: number[] = [];

  constructor(lengths: string) {
    assignCanonicalCodes([...lengths].map((character) => character.charCodeAt(0) - LENGTH_BASE)).forEach(({ symbol, length, code }, index) => {
      this.sorted.push(symbol);
      if (this.counts[length] === undefined) {
        this.firstCode[length] = code;
        this.firstIndex[length] = index;
        this.counts[length] = 0;
      }
      this.counts[length]! += 1;
    });
  }

  read(bits: BitReader): number {
    let code = 0;
    for (let length = 1; length < 32; length++) {
      code = (code << 1) | bits.read();
      const count = this.counts[length];
      // Canonical codes: a code of this length is at least its first one, so one comparison tells.
      if (count !== undefined && code - this.firstCode[length]! < count) return this.sorted[this.firstIndex[length]! + code - this.firstCode[length]!]!;
    }
    throw new Error('not a code of this table');
  }
}

const DIGIT_VALUES = new Map([...DIGITS].map((digit, value) => [digit.charCodeAt(0), value]));

export class BitReader {
  private position = 0;
  private buffer = 0;
  private buffered = 0;

  constructor(private readonly text: string) {}

  read(): number {
    if (this.buffered === 0) {
      const value = DIGIT_VALUES.get(this.text.charCodeAt(this.position++));
      if (value === undefined) throw new Error('reading past the end of the table');
      this.buffer = value;
      this.buffered = BITS;
    }
    return (this.buffer >> --this.buffered) & 1;
  }
}
