import type { Answer, Citation } from '../types.js';
import type { Retrieval, RetrievedParagraph } from '../retrieve/retrieve.js';
import { answerLanguage, inScript } from './answer-language.js';
import { answerSpan } from './answer-span.js';

export interface AnswerTuning {
  /** Minimum coverage of the question by the best paragraph; below it the service declines. */
  minCoverage: number;
  /** A further paragraph is cited when its score is at least this share of the best one's. */
  secondaryRatio: number;
  maxCitations: number;
  maxSuggestions: number;
}

export const DEFAULT_ANSWER_TUNING: AnswerTuning = { minCoverage: 0.55, secondaryRatio: 0.9, maxCitations: 3, maxSuggestions: 3 };

/** Does the best paragraph answer, and if not, why not (for the reply and for evals). */
export type DeclineReason = 'no-match' | 'low-coverage' | 'missing-number' | 'wrong-kind';

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
  const diagnostics = retrieval.hits.slice(0, 5).map((h) => ({ id: h.paragraph.id, score: round(h.score), coverage: round(h.coverage) }));
  const language = answerLanguage(retrieval.question);
  if (!verdict.ok) {
    // Point to sections that share something with the question; with none, to the closest body sections (not the letterhead).
    const related = retrieval.hits.filter((h) => h.coverage > 0);
    const suggestions = distinctSections(related.length ? related : retrieval.hits.filter((h) => h.paragraph.kind === 'body')).slice(0, tuning.maxSuggestions);
    const missingYears = retrieval.analysis.required.filter((n) => /^(19|20)\d{2}$/u.test(n));
    const sections = suggestions.map((s) => `「${s.section}」`).join('、');
    const words = PHRASES[language === 'en' ? 'en' : 'zh'];
    const lead = verdict.reason === 'missing-number' && missingYears.length ? words.noYear(missingYears, subjectYear) : words.noAnswer;
    const answer = inScript(lead + (sections ? words.related(sections) : ''), language);
    return { answer, abstained: true, mode: 'extractive', citations: [], suggestions, declineReason: verdict.reason, retrieval: diagnostics };
  }
  const [best, ...rest] = retrieval.hits as [RetrievedParagraph, ...RetrievedParagraph[]];
  const cited = [best, ...rest.filter((h) => h.requiredOk && h.coverage >= tuning.minCoverage && h.score >= tuning.secondaryRatio * best.score)].slice(0, tuning.maxCitations);
  const citations = cited.map((hit) => toCitation(hit, retrieval));
  const body = citations.map((c) => `${c.quote.trim().replace(/[，；、：,;:]$/u, '')}${/[。！？]$/u.test(c.quote.trim()) ? '' : '。'}`);
  const words = PHRASES[language === 'en' ? 'en' : 'zh'];
  const framed = citations.length === 1
    ? words.according(citations[0]!.section, body[0]!)
    : `${words.accordingMany}\n${citations.map((c, i) => `· 「${c.section}」${body[i]}`).join('\n')}`;
  const answer = inScript(framed, language);
  return { answer, abstained: false, mode: 'extractive', citations, retrieval: diagnostics };
}

/** The fixed framing of offline answers; Traditional Chinese is the Chinese framing converted by `inScript`. */
const PHRASES = {
  zh: {
    according: (section: string, body: string) => `根据报告「${section}」：${body}`,
    accordingMany: '根据报告：',
    noAnswer: '报告中没有找到能回答这个问题的内容。',
    noYear: (years: string[], subjectYear: number) => `报告中没有找到${years.join('、')}年的相关内容（本报告介绍的是${subjectYear}年度的情况）。`,
    related: (sections: string) => `可以查看报告中相近的部分：${sections}。`,
  },
  en: {
    according: (section: string, body: string) => `According to the report (「${section}」): ${body}`,
    accordingMany: 'According to the report:',
    noAnswer: 'The report does not answer this question.',
    noYear: (years: string[], subjectYear: number) => `The report has nothing on ${years.join(', ')} (it covers ${subjectYear}).`,
    related: (sections: string) => ` Related sections: ${sections}.`,
  },
};

function toCitation(hit: RetrievedParagraph, retrieval: Retrieval): Citation {
  const span = answerSpan(hit.paragraph, hit.spans, retrieval.analysis);
  const { id, section, text } = hit.paragraph;
  return { id, section, text, quote: text.slice(span.start, span.end), start: span.start, end: span.end };
}

function distinctSections(hits: RetrievedParagraph[]): { id: string; section: string }[] {
  const seen = new Set<string>();
  return hits.filter((h) => !seen.has(h.paragraph.section) && seen.add(h.paragraph.section)).map((h) => ({ id: h.paragraph.id, section: h.paragraph.section }));
}

const round = (x: number) => Math.round(x * 1000) / 1000;
