import type { Span } from '../types.js';

/** Quote marks a model may wrap around a quotation; they are not part of the report's text. */
const WRAPPING_QUOTES = /^[“”"'‘’「」『』《》]+|[“”"'‘’「」『』《》]+$/gu;

/**
 * A model quote shorter than this (whitespace left out) proves nothing: 的 or 2023 occurs
 * almost anywhere, so a citation resting on it would look grounded without being so.
 */
export const MIN_QUOTE_CHARS = 4;

/**
 * Where a quote occurs in a paragraph, comparing with all whitespace left out (the report writes
 * `228 件`, a model copies `228件`). Returns offsets into the paragraph's verbatim text, so
 * `text.slice(start, end)` is the report's own wording; null when the quote is not there.
 *
 * @example locateQuote('共收到行政复议申请 228 件，', '申请228件') // { start: 5, end: 14 }
 */
export function locateQuote(text: string, quote: string): Span | null {
  for (const candidate of new Set([quote, quote.replace(WRAPPING_QUOTES, '')])) {
    const needle = candidate.replace(/\s+/gu, '');
    if ([...needle].length < MIN_QUOTE_CHARS) continue;
    const { folded, offsets } = foldWhitespace(text);
    const at = folded.indexOf(needle);
    if (at === -1) continue;
    return { start: offsets[at]!, end: offsets[at + needle.length - 1]! + 1 };
  }
  return null;
}

/** The text without whitespace, and for each remaining code unit its offset in the original. */
function foldWhitespace(text: string): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/u.test(ch)) continue;
    folded += ch;
    offsets.push(i);
  }
  return { folded, offsets };
}
