import { normalizeForMatch } from './normalize.js';
import { chineseWords } from './chinese-words.js';

/** Han runs, Latin words and numbers (with decimals) are the three kinds of lexical unit. */
const UNIT = /(\p{Script=Han}+)|([a-z][a-z'-]*)|(\d+(?:\.\d+)?)/gu;

/**
 * Tokens for the full-text index and for queries (the same function for both, so they agree):
 * - every Han character bigram (a run of one character yields the character), which keeps
 *   recall when `Intl.Segmenter` splits a term (复议 → 复 / 议);
 * - Intl.Segmenter words of three or more Han characters, which reward exact longer words;
 * - Latin words and whole numbers (`228#`, `21.05#`, end-marked).
 * Input is normalised first: full/half width, case, Traditional → Simplified, spaced numbers.
 */
export function tokenize(raw: string): string[] {
  // A query is tokenised twice in a row, by the embedder and by Orama: the second time is free.
  if (raw !== last.raw) last = { raw, tokens: tokensOf(raw) };
  return [...last.tokens];
}

let last: { raw: string | null; tokens: string[] } = { raw: null, tokens: [] };

function tokensOf(raw: string): string[] {
  const text = normalizeForMatch(raw);
  const tokens = new Set<string>();
  for (const match of text.matchAll(UNIT)) {
    const [, han, latin, number] = match;
    if (han) {
      for (const bigram of hanBigrams(han)) tokens.add(bigram);
      for (const { segment } of chineseWords(han)) if (segment.length >= 3) tokens.add(segment);
    } else if (latin) {
      tokens.add(latin);
    } else if (number) {
      // Orama's radix search matches prefixes; the end mark keeps `2` from matching `228`.
      tokens.add(`${number}#`);
    }
  }
  return [...tokens];
}

/** Every position where `word` starts in `text`, overlapping ones included (`occurrences('aaa', 'aa')` is [0, 1]). */
export function occurrences(text: string, word: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) out.push(at);
  return out;
}

/** Overlapping character bigrams of a Han run; a one-character run yields itself. */
export function hanBigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}
