import type { Span } from '../types.js';

/**
 * The least a quote must hold, counted in letters and digits (whitespace and punctuation aside):
 * six, a clause's worth in this report — `纠错率 21.05%` (7), `出庭率达 100%` (7),
 * `签发人：余志伟` (6) — while `228 件` (4) or `复议` (2) could sit next to any sentence.
 */
export const MIN_QUOTE_CONTENT_CHARS = 6;

/** Where a clause ends: Chinese and Western sentence and clause punctuation, brackets, line breaks. */
const CLAUSE_BREAK = /[，。；：！？、,;:!?（）()《》“”「」\n]/u;

/**
 * Is this quote at least a clause? It holds `MIN_QUOTE_CONTENT_CHARS` letters or digits, or it
 * is a whole clause of the paragraph however short (特此报告 is a paragraph on its own).
 *
 * @example quoteIsClause('行政复议决定履行率达 100%，纠错率 21.05%', { start: 16, end: 26 }) // true
 */
export function quoteIsClause(text: string, { start, end }: Span): boolean {
  if (contentChars(text.slice(start, end)) >= MIN_QUOTE_CONTENT_CHARS) return true;
  return boundary(text.slice(0, start).trimEnd().slice(-1)) && boundary(text.slice(end).trimStart().slice(0, 1));
}

/** Letters and digits in a piece of text (whitespace and punctuation aside). */
export function contentChars(text: string): number {
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
}

const boundary = (ch: string) => ch === '' || CLAUSE_BREAK.test(ch);
