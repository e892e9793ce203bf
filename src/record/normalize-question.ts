import { normalizeForMatch } from '../text/normalize.js';

/**
 * The key under which the same question asked twice groups together (and an approved answer is
 * found): folded as for matching (width, case, Traditional → Simplified), then without
 * punctuation, symbols or spaces, so 行政复议收到多少件？ and 行政復議 收到多少件 are one question.
 */
export function normalizeQuestion(question: string): string {
  return normalizeForMatch(question).replace(/[\p{P}\p{S}\s]+/gu, '');
}
