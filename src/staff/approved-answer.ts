import type { ApprovedQuote } from '../store/database.js';
import type { Answer, Citation, Paragraph } from '../types.js';

export type ParagraphById = (id: string) => Paragraph | undefined;

/**
 * Why a quote is not a verbatim span of the report, or '' when it is: its paragraph exists, the
 * offsets lie inside it and the text there is exactly the quote's text.
 */
export function quoteProblem(quote: ApprovedQuote, paragraph: ParagraphById): string {
  const p = paragraph(quote.paragraphId);
  if (!p) return `no paragraph ${quote.paragraphId} in the report`;
  const { start, end } = quote;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > p.text.length || start >= end)
    return `offsets ${start}–${end} are outside paragraph ${p.id}`;
  if (p.text.slice(start, end) !== quote.text) return `the quote is not the text of paragraph ${p.id} at ${start}–${end}`;
  if (!/[\p{L}\p{N}]/u.test(quote.text)) return 'a quote must hold words, not only punctuation';
  return '';
}

/**
 * The quote re-found after the report changed: at its offsets, else the same words elsewhere in its
 * paragraph (offsets moved), else null (the quote no longer exists: the approved answer is withdrawn).
 */
export function relocateQuote(quote: ApprovedQuote, paragraph: ParagraphById): ApprovedQuote | null {
  if (!quoteProblem(quote, paragraph)) return quote;
  const text = paragraph(quote.paragraphId)?.text;
  const at = text?.indexOf(quote.text) ?? -1;
  return at >= 0 && quote.text ? { ...quote, start: at, end: at + quote.text.length } : null;
}

/** The answer a matching question gets: the staff's framing, then each verified quote with its citation marker. */
export function approvedAnswer(framing: string, quotes: ApprovedQuote[], paragraph: ParagraphById): Answer {
  const citations: Citation[] = quotes.map((q) => {
    const p = paragraph(q.paragraphId)!;
    return { id: p.id, section: p.section, text: p.text, quote: p.text.slice(q.start, q.end), start: q.start, end: q.end };
  });
  const quoted = citations.map((c, i) => `报告原文：${c.quote}[${i + 1}]`).join('\n');
  return { answer: `${framing.trim()}\n${quoted}`, abstained: false, mode: 'approved', citations };
}

/** The decline a referred question gets: the report does not say, and who can. */
export function referralAnswer(office: string, phone: string): Answer {
  return {
    answer: `报告中没有这方面的内容。这类问题请咨询${office}，电话：${phone}。`,
    abstained: true,
    mode: 'referred',
    citations: [],
    declineReason: 'referred',
  };
}
