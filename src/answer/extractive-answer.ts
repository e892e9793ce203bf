import type { Answer, Citation, Paragraph, Span } from '../types.js';
import { coverage, hasRequired } from '../retrieve/coverage.js';
import { normalizeForMatch } from '../text/normalize.js';
import type { Retrieval, RetrievedParagraph } from '../retrieve/retrieve.js';
import { answerLanguage, inScript } from './answer-language.js';
import { answerSpan, citation, listItems } from './answer-span.js';
import { PHRASES } from './answer-phrases.js';
import { outlineAnswer } from './outline-answer.js';
import { declineAnswer, retrievalDiagnostics, type DeclineReason } from './decline-answer.js';
import { DEFAULT_GROUNDING_TUNING, groundAnswer, reportTerms, type Grounding, type GroundingTuning } from './ground-answer.js';

export type { DeclineReason };

export interface AnswerTuning {
  /** Minimum coverage of the question by the best paragraph; below it the service declines. */
  minCoverage: number;
  /** A further paragraph is cited when its score is at least this share of the best one's. */
  secondaryRatio: number;
  maxCitations: number;
  maxSuggestions: number;
  /** Paragraphs tried, best first, for a sentence that grounds the answer. */
  paragraphsTried: number;
  grounding: GroundingTuning;
}

export const DEFAULT_ANSWER_TUNING: AnswerTuning = {
  minCoverage: 0.55,
  secondaryRatio: 0.9,
  maxCitations: 3,
  maxSuggestions: 3,
  paragraphsTried: 3,
  grounding: DEFAULT_GROUNDING_TUNING,
};

type Verdict =
  | { ok: true; grounded: Extract<Grounding, { ok: true }> }
  | { ok: false; reason: DeclineReason; grounding?: Extract<Grounding, { ok: false }> };

/**
 * Does the report answer? One of the closest paragraphs must hold every number the question
 * names and cover enough of it, and have a sentence that grounds the answer (its subject and
 * the kind of fact asked for, see `groundAnswer`).
 */
export function judgeAnswerable(retrieval: Retrieval, tuning: AnswerTuning): Verdict {
  const closest = retrieval.hits.slice(0, tuning.paragraphsTried);
  if (!closest.length) return { ok: false, reason: 'no-match' };
  if (!closest.some((h) => h.requiredOk)) return { ok: false, reason: 'missing-number' };
  const candidates = eligible(closest, tuning);
  if (!candidates.length) return { ok: false, reason: 'low-coverage', grounding: missingKind(retrieval, closest[0]!, tuning) };
  let first: Extract<Grounding, { ok: false }> | undefined;
  for (const hit of candidates) {
    const grounding = groundAnswer(retrieval, hit, tuning.grounding);
    if (grounding.ok) return { ok: true, grounded: grounding };
    first ??= grounding;
  }
  if (first?.gap.kind === 'evidence') return { ok: false, reason: 'wrong-kind', grounding: first };
  return { ok: false, reason: 'off-subject', grounding: missingKind(retrieval, closest[0]!, tuning) ?? first };
}

/**
 * The offline answer: what was asked first (the clause with the figure, or yes), then the verbatim
 * sentences of the cited paragraphs, each followed by its `[n]` marker (the section path is on the
 * citation, not in the text: it would push the fact out of view); a list question gets every item
 * of the enumeration as a bullet, in the report's order, each with its own span. Or a decline
 * that says what the report lacks.
 * It never states anything the report does not.
 */
export function extractiveAnswer(retrieval: Retrieval, subjectYear: number, tuning: AnswerTuning = DEFAULT_ANSWER_TUNING): Answer {
  // 前三部分的标题分别是什么 / 报告分几个部分: the headings of the parts asked.
  const outline = retrieval.analysis.intent.kinds.has('outline') ? outlineAnswer(retrieval) : null;
  if (outline) return outline;
  const verdict = judgeAnswerable(retrieval, tuning);
  // 明年打算做哪几件事: the items are the sub-parts of the part about it (九、2024年工作思路 → （一）…（四）).
  const part = partItems(retrieval, verdict);
  if (part) return partListAnswer(retrieval, part);
  if (!verdict.ok) {
    const near = verdict.grounding
      ? { id: verdict.grounding.hit.paragraph.id, section: verdict.grounding.hit.paragraph.section, gap: verdict.grounding.gap }
      : undefined;
    return declineAnswer(retrieval, verdict.reason, { subjectYear, maxSuggestions: tuning.maxSuggestions, near });
  }
  const { grounded } = verdict;
  const language = answerLanguage(retrieval.question);
  const words = PHRASES[language === 'en' ? 'en' : 'zh'];
  const main = grounded.hit;
  const span = groundedSpan(grounded, retrieval);

  // Further paragraphs only when they are as close and ground the answer themselves.
  const others = eligible(retrieval.hits, tuning)
    .filter((h) => h !== main && h.score >= tuning.secondaryRatio * main.score)
    .flatMap((h) => {
      const g = groundAnswer(retrieval, h, tuning.grounding);
      return g.ok ? [citation(h.paragraph, groundedSpan(g, retrieval))] : [];
    });

  // 营造好环境做了哪几方面 asks the parts of what the sub-part's title names: each of its 一是…二是… clauses is an item.
  const parts =
    retrieval.analysis.wantsList && PARTS_ASKED.test(retrieval.analysis.normalized) && titleAsked(retrieval, main)
      ? allClauses(main.paragraph)
      : [];
  const items = parts.length > 1 ? parts : retrieval.analysis.wantsList ? listItems(main.paragraph, span) : [];
  const citations = [...(items.length > 1 ? items : [span]).map((s) => citation(main.paragraph, s)), ...others].slice(
    0,
    Math.max(tuning.maxCitations, items.length),
  );
  const lead = leadOf(retrieval, grounded, language === 'en' ? 'en' : 'zh');
  // Each quoted sentence carries the marker of its citation ([n] is citations[n - 1]); the lead rests on the first.
  const quoted = markedQuotes(citations);
  const bullets = quoted.map((q) => `· ${q}`).join('\n');
  const body =
    items.length > 1
      ? `${words.listOf(items.length)}\n${bullets}`
      : citations.length === 1
        ? lead
          ? words.quoted(quoted[0]!)
          : quoted[0]!
        : lead
          ? `${words.quoted('').trimEnd()}\n${bullets}`
          : bullets;
  const answer = inScript(lead ? `${lead}[1]\n${body}` : body, language);
  return { answer, abstained: false, mode: 'extractive', citations, retrieval: retrievalDiagnostics(retrieval) };
}

/** The span quoted from a grounded paragraph: its answering sentence ranked first, widened by `answerSpan`. */
function groundedSpan({ hit, sentence }: Extract<Grounding, { ok: true }>, retrieval: Retrieval): Span {
  return answerSpan(hit.paragraph, [sentence, ...hit.spans.filter((s) => s !== sentence)], retrieval.analysis);
}

/**
 * What the answer opens with: the clause that holds the asked figure, verbatim (纠错率 21.05%);
 * for a yes/no question, yes in the question's own form (有 / 可以 / 是的) when the sentence
 * says so without reservation, and nothing when it says something is lacking.
 */
function leadOf(retrieval: Retrieval, grounded: Extract<Grounding, { ok: true }>, language: 'zh' | 'en'): string {
  const { paragraph } = grounded.hit;
  if (grounded.figure) return asSentence(paragraph.text.slice(grounded.figure.start, grounded.figure.end));
  if (!retrieval.analysis.intent.yesno) return '';
  const sentence = paragraph.text.slice(grounded.sentence.start, grounded.sentence.end);
  if (retrieval.intent.negative(sentence) || !holdsTerms(retrieval, grounded)) return '';
  // 听说有300多件？ is not confirmed by a sentence that says 228 件: the quote tells the report's figure, with no yes.
  if (!hasRequired(retrieval.analysis.claimed, normalizeForMatch(sentence))) return '';
  // 有没有能免费问法律的地方: a yes would say it is free; the quote tells what there is, the yes only where it says free.
  if (FREE_WISH.test(retrieval.analysis.normalized) && !FREE_WISH.test(normalizeForMatch(sentence))) return '';
  return retrieval.intent.yes(retrieval.analysis.normalized, language);
}

/** Wanting something free of charge (免费, 不要钱, free). */
const FREE_WISH = /免费|不要钱|不花钱|不收费|不用钱|\bfree\b|\bno charge\b/u;

/**
 * A list question about a part of the report as a whole (2024年打算重点干哪几件事): when no single paragraph
 * lists the items, or the part's heading is what answered, and that heading holds every report term and
 * number the question names, the part's sub-parts are the items, each cited by its title sentence.
 */
function partItems(retrieval: Retrieval, verdict: Verdict): Paragraph[] | null {
  if (!retrieval.analysis.wantsList) return null;
  const top = retrieval.hits[0]?.paragraph;
  if (!top || top.part === null) return null;
  const heading = retrieval.hits.find(
    (h) => h.paragraph.kind === 'heading' && h.paragraph.part === top.part && h.paragraph.subpart === null,
  );
  if (!heading?.requiredOk) return null;
  // A sub-part's own answer stands, unless the question asks for the parts (哪几块, 哪些方面) or says no more than the heading does.
  const main = verdict.ok ? verdict.grounded.hit : null;
  const asksParts = PARTS_ASKED.test(retrieval.analysis.normalized);
  if (main && main !== heading && !asksParts && !(main.paragraph.part === top.part && heading.coverage >= main.coverage)) return null;
  const terms = reportTerms(retrieval);
  // The title's words (法治) are what every part is about: 2024年法治方面打算干哪几件事 is asked of 2024年工作思路.
  const headingText = `${heading.sentenceText.join(' ')} ${retrieval.titleText}`;
  if (!terms.length || !terms.every((u) => coverage([u], headingText) >= YES_TERM_COVERAGE)) return null;
  const items = retrieval.subparts(top.part);
  return items.length >= 2 ? items : null;
}

/** Every 一是…二是… clause of a paragraph, in order, each whole (none when it has fewer than two). */
function allClauses(paragraph: Paragraph): Span[] {
  const first = paragraph.clauses[0];
  return paragraph.clauses.length < 2 || !first ? [] : listItems(paragraph, { start: first.start, end: paragraph.text.length });
}

/** Least share of the question's words a sub-part's title (with its section) must hold to be what is asked about. */
const TITLE_COVERAGE = 0.6;

/** The question is about what the paragraph's title names (打造法治化营商环境), not one of its clauses. */
function titleAsked({ strict }: Retrieval, hit: RetrievedParagraph): boolean {
  const title = hit.paragraph.subpart !== null ? (hit.sentenceText[0] ?? '') : '';
  return title !== '' && (strict[0] ?? []).length > 0 && coverage(strict[0]!, `${hit.sectionText} ${title}`) >= TITLE_COVERAGE;
}

/** A list question for the parts of something (都做了哪几块, 讲了哪些方面, 打算干哪几件大事). */
const PARTS_ASKED = /(?:哪几|哪些|几)(?:个|件)?(?:块|部分|方面|板块|大事|件事)/u;

function partListAnswer(retrieval: Retrieval, items: Paragraph[]): Answer {
  const language = answerLanguage(retrieval.question);
  const words = PHRASES[language === 'en' ? 'en' : 'zh'];
  const citations = items.map((p) => citation(p, p.sentences[0] ?? { start: 0, end: p.text.length }));
  const bullets = markedQuotes(citations)
    .map((q) => `· ${q}`)
    .join('\n');
  const answer = inScript(`${words.listOf(items.length)}\n${bullets}`, language);
  return { answer, abstained: false, mode: 'extractive', citations, retrieval: retrievalDiagnostics(retrieval) };
}

/** Each quoted sentence with the marker of its citation ([n] is citations[n - 1]). */
function markedQuotes(citations: Citation[]): string[] {
  return citations.map((c, i) => `${asSentence(c.quote)}[${i + 1}]`);
}

/** Each of the question's report terms must be in the sentence, whole, for it to lead with yes. */
const YES_TERM_COVERAGE = 1;

/**
 * Does the answering sentence (under its section) hold each report term the question names? A yes
 * says the sentence confirms the question; one about 泉州's 双十佳案例 does not confirm 全国法治政府示范市,
 * whatever else it shares. Without them the quote is shown without a yes.
 */
function holdsTerms(retrieval: Retrieval, { hit, sentence }: Extract<Grounding, { ok: true }>): boolean {
  const i = hit.paragraph.sentences.findIndex((s) => s.start === sentence.start);
  const sentenceText = hit.sentenceText[i] ?? '';
  const context = `${hit.sectionText} ${sentenceText}`;
  return reportTerms(retrieval).every(
    (u) =>
      coverage([u], context) >= YES_TERM_COVERAGE &&
      // 创建“全国法治政府建设示范市” aims at the title: it does not say the city holds it.
      !u.unit.forms.some((f) => sentenceText.includes(f) && retrieval.intent.aimsAt(sentenceText, f)),
  );
}

/**
 * For a question whose subject the closest paragraph half covers, and that asks for a kind of fact
 * (an address, a duration) none of its sentences holds: say so, rather than only "not found".
 */
function missingKind(
  retrieval: Retrieval,
  closest: RetrievedParagraph,
  tuning: AnswerTuning,
): Extract<Grounding, { ok: false }> | undefined {
  const kind = retrieval.analysis.intent.expects.find((k) => !closest.sentenceText.some((s) => retrieval.intent.holds(k, s)));
  if (!kind || closest.coverage < tuning.minCoverage / 2) return undefined;
  return { ok: false, hit: closest, gap: { kind: 'evidence', evidence: kind, target: retrieval.target?.text ?? null } };
}

/** Paragraphs that may answer: every number the question names, and enough of its words (or its place named). */
function eligible(hits: RetrievedParagraph[], tuning: AnswerTuning): RetrievedParagraph[] {
  // A paragraph the question names by its place may answer whatever else it shares; its sentence is still judged.
  return hits.filter((h) => h.requiredOk && (h.coverage >= tuning.minCoverage || h.namesPlace));
}

/** A quote shown as a sentence: trailing comma-like punctuation becomes 。 */
function asSentence(quote: string): string {
  const q = quote.trim().replace(/[，；、：,;:]$/u, '');
  return /[。！？.!?]$/u.test(q) ? q : `${q}。`;
}
