import type { Answer, Citation } from '../types.js';
import type { Retrieval, RetrievedParagraph } from '../retrieve/retrieve.js';
import { answerLanguage, inScript } from './answer-language.js';
import { answerSpan } from './answer-span.js';
import { PHRASES } from './answer-phrases.js';
import { declineAnswer, retrievalDiagnostics, type DeclineReason } from './decline-answer.js';

export type { DeclineReason };

export interface AnswerTuning {
  /** Minimum coverage of the question by the best paragraph; below it the service declines. */
  minCoverage: number;
  /** A further paragraph is cited when its score is at least this share of the best one's. */
  secondaryRatio: number;
  maxCitations: number;
  maxSuggestions: number;
}

export const DEFAULT_ANSWER_TUNING: AnswerTuning = { minCoverage: 0.55, secondaryRatio: 0.9, maxCitations: 3, maxSuggestions: 3 };


/**
 * What an answer of each kind must contain. A person is named in this kind of document only
 * after a label such as 签发人： or 联系人: — the report never names an official in its prose.
 */
const EVIDENCE: Record<'number' | 'date' | 'person', RegExp> = {
  number: /\d/u,
  date: /\d{1,2}\s*月|\d{4}\s*年\s*\d/u,
  person: /[人者][:：]\s*\p{Script=Han}{2,4}/u,
};

export function judgeAnswerable(retrieval: Retrieval, tuning: AnswerTuning): { ok: true } | { ok: false; reason: DeclineReason } {
  const best = retrieval.hits[0];
  if (!best) return { ok: false, reason: 'no-match' };
  if (!best.requiredOk) return { ok: false, reason: 'missing-number' };
  if (best.coverage < tuning.minCoverage) return { ok: false, reason: 'low-coverage' };
  // Asked for a figure, a date or a name, but the sentence that best matches gives none
  // (e.g. 败诉率 is said to fall, with no number; 市委书记 is mentioned, never named).
  const { expects } = retrieval.analysis;
  if (expects && !EVIDENCE[expects].test(best.spans[0]?.quote ?? '')) return { ok: false, reason: 'wrong-kind' };
  return { ok: true };
}

/**
 * The offline answer: verbatim sentences of the cited paragraphs under a fixed framing,
 * or a decline naming the closest sections. It never states anything the report does not.
 */
export function extractiveAnswer(retrieval: Retrieval, subjectYear: number, tuning: AnswerTuning = DEFAULT_ANSWER_TUNING): Answer {
  const verdict = judgeAnswerable(retrieval, tuning);
  const language = answerLanguage(retrieval.question);
  if (!verdict.ok) return declineAnswer(retrieval, verdict.reason, { subjectYear, maxSuggestions: tuning.maxSuggestions });
  const [best, ...rest] = retrieval.hits as [RetrievedParagraph, ...RetrievedParagraph[]];
  const cited = [best, ...rest.filter((h) => h.requiredOk && h.coverage >= tuning.minCoverage && h.score >= tuning.secondaryRatio * best.score)].slice(0, tuning.maxCitations);
  const citations = cited.map((hit) => toCitation(hit, retrieval));
  const body = citations.map((c) => `${c.quote.trim().replace(/[，；、：,;:]$/u, '')}${/[。！？]$/u.test(c.quote.trim()) ? '' : '。'}`);
  const words = PHRASES[language === 'en' ? 'en' : 'zh'];
  const framed = citations.length === 1
    ? words.according(citations[0]!.section, body[0]!)
    : `${words.accordingMany}\n${citations.map((c, i) => `· 「${c.section}」${body[i]}`).join('\n')}`;
  const answer = inScript(framed, language);
  return { answer, abstained: false, mode: 'extractive', citations, retrieval: retrievalDiagnostics(retrieval) };
}

function toCitation(hit: RetrievedParagraph, retrieval: Retrieval): Citation {
  const span = answerSpan(hit.paragraph, hit.spans, retrieval.analysis);
  const { id, section, text } = hit.paragraph;
  return { id, section, text, quote: text.slice(span.start, span.end), start: span.start, end: span.end };
}

