import { hanBigrams } from '../text/tokenize.js';
import { pinyinKey, type GlossaryEntry, type Lexicon } from './lexicon.js';
import { chineseWords } from '../text/chinese-words.js';

/** One piece of meaning in a question that a paragraph must cover to answer it. */
export interface QueryUnit {
  text: string;
  /** Alternative phrasings; the unit is covered by the best-covered one. Each is matched by its character bigrams. */
  forms: string[];
  kind: 'han' | 'latin' | 'glossary';
  /** Forms from this index on are homophone guesses at a typo. */
  guessesFrom?: number;
}

/**
 * Words of a Han run: the report's own terms (longest first, from the vocabulary) kept whole,
 * the rest by Intl.Segmenter, which cuts domain words badly (复议案件 → 复 / 议案 / 件).
 */
export function segmentWords(run: string, lexicon: Pick<Lexicon, 'terms'>): string[] {
  const words: string[] = [];
  let gap = '';
  const flush = () => {
    if (gap) for (const { segment } of chineseWords(gap)) words.push(segment);
    gap = '';
  };
  for (let i = 0; i < run.length; ) {
    const term = lexicon.terms.longestAt(run, i);
    if (term) {
      flush();
      words.push(term);
      i += term.length;
    } else gap += run[i++];
  }
  flush();
  return words;
}

const NOT_LEADING = new Set(['的', '地', '得']);

/** Intl.Segmenter glues particles onto words (讲的, 都在); drop question-frame characters at either end. */
export function trimStopChars(segment: string, stop: Set<string>): string {
  const chars = [...segment];
  // 的/地/得 open real words (地方, 得到, 的确): only particles that precede a word are trimmed at the start.
  while (chars.length > 1 && stop.has(chars[0]!) && !NOT_LEADING.has(chars[0]!)) chars.shift();
  while (chars.length > 1 && stop.has(chars[chars.length - 1]!)) chars.pop();
  return chars.join('');
}

/**
 * Pinyin input makes homophone typos (行政复义 for 行政复议, 带款 for 贷款). A word with a
 * bigram the report never uses gets, as an alternative form, the same word with that bigram
 * replaced by a report bigram that sounds the same.
 */
export function withHomophones(unit: QueryUnit, lexicon: Lexicon): QueryUnit {
  const chars = [...unit.text];
  if (chars.length < 2) return unit;
  // Each unknown bigram may sound like several report bigrams (zhi yuan: 执源, 志愿): one form per choice.
  let forms = [chars];
  for (let i = 0; i + 1 < chars.length; i++) {
    const bigram = chars[i]! + chars[i + 1]!;
    if (lexicon.bigrams.has(bigram)) continue;
    const matches = lexicon.homophones.get(pinyinKey(bigram))?.slice(0, 3) ?? [];
    if (!matches.length) continue;
    forms = forms
      .flatMap((f) => (lexicon.bigrams.has(f[i]! + f[i + 1]!) ? [f] : matches.map((m) => [...f.slice(0, i), ...m, ...f.slice(i + 2)])))
      .slice(0, 6);
  }
  const extra = forms.map((f) => f.join('')).filter((f) => f !== unit.text);
  return extra.length ? { ...unit, forms: [...unit.forms, ...extra], guessesFrom: unit.forms.length } : unit;
}

/** Bigrams of a form: Han bigrams, or the whole form for Latin words and numbers. */
export function formGrams(form: string): string[] {
  // A name mixing Latin and Han (i石狮, 12345热线) is matched whole: its Han part alone (石狮) is in every paragraph.
  if (/\p{Script=Han}/u.test(form) && /^[\p{Script=Han}a-z0-9+]+$/u.test(form) && /[a-z0-9]/u.test(form)) return [form];
  return /\p{Script=Han}/u.test(form)
    ? form
        .split(/[^\p{Script=Han}]+/u)
        .filter(Boolean)
        .flatMap(hanBigrams)
    : [form];
}

/**
 * The text with a citizen word cut out, or null when the word is not in it: Han words anywhere
 * (a plain substring test, the common case), English ones as whole words only.
 */
export function cutOut(text: string, entry: Pick<GlossaryEntry, 'user' | 'latin'>): string | null {
  if (!text.includes(entry.user)) return null;
  if (!entry.latin) return text.replaceAll(entry.user, ' ');
  const pattern = glossaryPattern(entry.user);
  return pattern.test(text) ? text.replace(pattern, ' ') : null;
}

const patterns = new Map<string, RegExp>();
/** Latin glossary terms match whole words only (`sue` is not in `issued`). */
function glossaryPattern(term: string): RegExp {
  let re = patterns.get(term);
  if (!re) {
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(`(?<![a-z])${escaped}(?![a-z])`, 'g');
    patterns.set(term, re);
  }
  re.lastIndex = 0;
  return re;
}
