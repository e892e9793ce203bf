import { normalizeForMatch } from '../text/normalize.js';

/**
 * The key under which the same question asked twice groups together (and an approved answer is
 * found): folded as for matching (width, case, Traditional → Simplified), then without
 * punctuation, symbols or spaces, so 行政复议收到多少件？ and 行政復議 收到多少件 are one question.
 */
export function normalizeQuestion(question: string): string {
  let key = recent.get(question);
  if (key === undefined) {
    key = normalizeForMatch(question).replace(/[\p{P}\p{S}\s]+/gu, '');
    if (recent.size >= MAX_RECENT) recent.clear();
    recent.set(question, key);
  }
  return key;
}

/**
 * Keys of recently recorded questions: people ask the same things, and folding (OpenCC) is most
 * of a turn's recording cost. Holds redacted questions only; emptied when full.
 */
const recent = new Map<string, string>();
const MAX_RECENT = 2_000;
