import type { Clause, Span } from '../types.js';

/** Sentence-final punctuation for splitting; closing quotes/brackets right after it stay with the sentence. */
const SENTENCE_END = /[。！？；]+[”’」』）)]*/gu;

/** Sentences covering `text` without gaps, split after 。！？；. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

/** `一是…二是…` clause markers at a clause boundary (start, or after 。；：). */
const CLAUSE_MARKER = /(?<=^|[。；：])[一二三四五六七八九十]是/gu;

/** Enumerated clauses: each runs from its marker to the next marker or the paragraph end. */
export function splitClauses(text: string): Clause[] {
  const markers = [...text.matchAll(CLAUSE_MARKER)];
  return markers.map(function toClause(match, i) {
    const next = markers[i + 1];
    return { marker: match[0], start: match.index, end: next ? next.index : text.length };
  });
}
