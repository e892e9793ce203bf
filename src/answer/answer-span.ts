import type { QueryAnalysis } from '../retrieve/analyze-query.js';
import type { ScoredSpan } from '../retrieve/retrieve.js';
import type { Citation, Paragraph, Span } from '../types.js';
import { ENUMERATION } from '../retrieve/retrieve.js';

/** Sentences quoted for a list of actions written without 一是…二是… markers. */
const LIST_SENTENCES = 3;

/** A sentence this short that opens a clause is its heading (一是深化商事制度改革。), not its content. */
const LEAD_MAX_CHARS = 24;

/**
 * The span an answer quotes, from the paragraph's ranked sentences. The best sentence, unless
 * it is only a heading: a sub-part title (（二）打造法治化营商环境。) gives way to the best
 * sentence after it, and a clause lead (一是…。) to the whole clause. A question asking for
 * several things gets the whole enumeration it matched: the clause, or every clause when the
 * clauses are the items of one list (一是…；二是…；三是…。).
 */
export function answerSpan(paragraph: Paragraph, ranked: ScoredSpan[], analysis: Pick<QueryAnalysis, 'wantsList'>): Span {
  const best = ranked[0];
  if (!best) return { start: 0, end: paragraph.text.length };
  const isTitle = paragraph.subpart !== null && best.start === 0 && paragraph.sentences.length > 1;
  const clause = paragraph.clauses.find((c) => c.start <= best.start && best.start < c.end);
  const isLead = clause !== undefined && best.start === clause.start && best.end - best.start <= LEAD_MAX_CHARS;

  if (analysis.wantsList) {
    // The items listed inside one sentence (不予处罚、减轻处罚、从轻处罚…): that sentence is the answer.
    if (!isTitle && !isLead && ENUMERATION.test(paragraph.text.slice(best.start, best.end))) return best;
    const listStart = paragraph.clauses[0]?.start;
    const clausesAreItems = paragraph.clauses.length > 1 && paragraph.clauses.every((c) => sentencesIn(paragraph, c) === 1);
    if (clausesAreItems && listStart !== undefined && (isTitle || best.end >= listStart)) {
      return { start: Math.min(best.start, listStart), end: paragraph.clauses[paragraph.clauses.length - 1]!.end };
    }
    if (clause) return trimEnd(paragraph, clause);
    if (isTitle) return { start: best.end, end: paragraph.text.length };
    // A run of actions with no markers (持续推进…，落实…。提高…。): the best sentence and the ones after it.
    const following = paragraph.sentences.filter((s) => s.start >= best.start).slice(0, LIST_SENTENCES);
    return trimEnd(paragraph, { start: best.start, end: following[following.length - 1]!.end });
  }
  if (isLead) return trimEnd(paragraph, clause!);
  if (isTitle) {
    const next = ranked.find((s) => s.start > 0 && s.score > 0);
    if (next) return next;
  }
  return best;
}

/** Sentences that overlap the span (a clause may begin inside the sentence that introduces the list). */
function sentencesIn(paragraph: Paragraph, span: Span): number {
  return paragraph.sentences.filter((s) => s.start < span.end && s.end > span.start).length;
}

/**
 * The items of an enumeration the span quotes, in document order, each with its own span:
 * the `一是…二是…` clauses it covers (the text before the first clause, such as 但也存在如下问题：,
 * introduces the list and is not an item). Empty when the span covers fewer than two clauses.
 */
export function listItems(paragraph: Paragraph, span: Span): Span[] {
  const inside = paragraph.clauses.filter((c) => c.start >= span.start && c.start < span.end);
  if (inside.length < 2) return [];
  return inside.map((c) => trimEnd(paragraph, { start: c.start, end: Math.min(c.end, span.end) }));
}

/** A clause may run to the paragraph's end; keep the span as written, without trailing spaces. */
function trimEnd(paragraph: Paragraph, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/u.test(paragraph.text[end - 1]!)) end--;
  return { start: span.start, end };
}

/** A citation of a paragraph quoting `span` of it, verbatim. */
export function citation({ id, section, text }: { id: string; section: string; text: string }, span: Span): Citation {
  return { id, section, text, quote: text.slice(span.start, span.end), start: span.start, end: span.end };
}
