import { extractNumbers } from '../text/extract-numbers.js';
import { normalizeForMatch } from '../text/normalize.js';

/** At most this many terms are searched for, however many the model wrote (the prompt asks for 8). */
export const MAX_REWRITE_TERMS = 12;
/** A longer "term" is a sentence: the model explained or answered instead of listing words. */
export const MAX_TERM_CHARS = 20;

/**
 * The search terms in a rewrite reply, read defensively: any punctuation, quote mark or line
 * break separates terms, over-long ones are dropped, and so is any term stating a figure that
 * `asked` (the question and the earlier user turns) does not — a rewrite must never bring a
 * number into the search, where it would steer retrieval towards the model's guess.
 *
 * @example parseRewriteTerms('“市场主体”、总数 17万户', '商家有多少') // ['市场主体', '总数']
 */
export function parseRewriteTerms(reply: string, asked: string): string[] {
  const allowed = new Set(extractNumbers(asked).flatMap((n) => (n.value ? [n.value] : [])));
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const term of reply.split(/[^\p{L}\p{N}]+/u)) {
    if (!term || [...term].length > MAX_TERM_CHARS) continue;
    if (extractNumbers(term).some((n) => !(n.value && allowed.has(n.value)))) continue;
    const key = normalizeForMatch(term);
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
    if (terms.length === MAX_REWRITE_TERMS) break;
  }
  return terms;
}
