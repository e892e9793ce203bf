import { normalizeQuestion } from '../record/normalize-question.js';
import { tokenize } from '../text/tokenize.js';

/** A question as it is compared: its normalised key and its tokens (the index's own tokenizer). */
export interface MatchableQuestion {
  key: string;
  tokens: Set<string>;
  /** Number tokens (`2023#`): two questions about different years or figures never match. */
  numbers: string;
}

export function matchable(question: string): MatchableQuestion {
  const tokens = new Set(tokenize(question));
  const numbers = [...tokens]
    .filter((t) => t.endsWith('#'))
    .sort()
    .join(' ');
  return { key: normalizeQuestion(question), tokens, numbers };
}

/** Share of `of`'s tokens that `in_` has too (0 when `of` has none). */
export function coverage(of: Set<string>, in_: Set<string>): number {
  if (of.size === 0) return 0;
  let shared = 0;
  for (const t of of) if (in_.has(t)) shared++;
  return shared / of.size;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  const shared = coverage(a, b) * a.size;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * How much a stored (approved or referred) question covers an asked one: both must hold at least
 * this share of each other's tokens, so a longer question that adds a second ask, or a shorter one
 * that drops the subject, is answered as usual. Chosen so 行政复议一共收到多少件申请 matches
 * 行政复议共收到多少件申请？ but not 行政复议纠错率是多少.
 */
export const MATCH_COVERAGE = 0.8;

/** 1 for the same normalised question, else the smaller of the two coverages when it reaches MATCH_COVERAGE and the numbers agree, else 0. */
export function matchScore(asked: MatchableQuestion, stored: MatchableQuestion): number {
  if (asked.key === stored.key && asked.key !== '') return 1;
  if (asked.numbers !== stored.numbers) return 0;
  const score = Math.min(coverage(stored.tokens, asked.tokens), coverage(asked.tokens, stored.tokens));
  return score >= MATCH_COVERAGE ? score : 0;
}
