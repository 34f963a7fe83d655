// This module pulls in pinyin-pro and its dictionaries (~100 KB gzip). Import it only from the
// worker (workers/), never from src/ui, or the whole dictionary lands in the main bundle.
import { pinyin } from 'pinyin-pro';

export interface NamePinyin {
  /** every syllable run together: 张三丰 → zhangsanfeng */
  full: string;
  /** first letter of every syllable: 张三丰 → zsf */
  initials: string;
}

const FULL_WIDTH_ASCII = /[\uff01-\uff5e]/g;
const NOT_LETTER_OR_DIGIT = /[^a-z0-9]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH_ASCII, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0));
}

function normalizeSyllable(syllable: string): string {
  // ü is typed as v on every pinyin keyboard; other accents (ê) fold to their bare letter.
  return syllable.toLowerCase().replace(/ü/g, 'v').normalize('NFD').replace(COMBINING_MARKS, '').replace(NOT_LETTER_OR_DIGIT, '');
}

/**
 * Pinyin of a person's name for search. The surname reads with its surname sound (单 shan,
 * 曾 zeng, 仇 qiu). A run of Latin letters or digits is kept lower-cased and counts as one word
 * for the initials; '·', spaces and characters without a reading are dropped.
 */
export function computeNamePinyin(name: string): NamePinyin {
  const syllables = pinyin(toHalfWidth(name), { toneType: 'none', type: 'array', surname: 'head', v: true, nonZh: 'consecutive' });
  let full = '';
  let initials = '';
  for (const syllable of syllables) {
    const letters = normalizeSyllable(syllable);
    full += letters;
    initials += letters.charAt(0);
  }
  return { full, initials };
}
