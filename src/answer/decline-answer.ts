import type { Answer } from '../types.js';
import { requiredParts } from '../retrieve/analyze-query.js';
import type { Retrieval } from '../retrieve/retrieve.js';
import { answerLanguage, inScript } from './answer-language.js';
import { PHRASES } from './answer-phrases.js';
import type { GroundingGap } from './ground-answer.js';

/** Why the service declines (for the reply and for evals). */
export type DeclineReason = 'no-match' | 'low-coverage' | 'missing-number' | 'wrong-kind' | 'off-subject' | 'model-declined';

export interface DeclineOptions {
  subjectYear: number;
  maxSuggestions: number;
  /** The closest section and what it lacks, when the report speaks of the subject but not of the asked fact. */
  near?: { id: string; section: string; gap: GroundingGap };
}

/**
 * A section is suggested only when it holds at least this share of the question's content words:
 * one shared character pair (石狮, 2023) makes every section "close", and a citizen who follows
 * such a link finds nothing.
 */
export const MIN_SUGGESTION_COVERAGE = 0.25;

/**
 * The service's one way of saying the report does not answer: a fixed sentence in the asker's
 * language; the sections that share enough of the question's words come as `suggestions` (a
 * client shows them once, as links), never the letterhead, and none when nothing is related.
 */
export function declineAnswer(retrieval: Retrieval, reason: DeclineReason, { subjectYear, maxSuggestions, near }: DeclineOptions): Answer {
  const language = answerLanguage(retrieval.question);
  const related = retrieval.hits.filter((h) => h.coverage >= MIN_SUGGESTION_COVERAGE && h.paragraph.kind !== 'header');
  // The section that speaks of the subject (but lacks the asked fact) is always among them: the sentence refers to it.
  const nearest = near?.gap.kind === 'evidence' ? [{ id: near.id, section: near.section }] : [];
  const ranked = distinctSections(related.map((h) => h.paragraph)).slice(0, maxSuggestions);
  const suggestions = distinctSections([...ranked.slice(0, maxSuggestions - nearest.length), ...nearest, ...ranked]).slice(
    0,
    maxSuggestions,
  );
  const { years: missingYears, places } = requiredParts(retrieval.analysis.required);
  const words = PHRASES[language === 'en' ? 'en' : 'zh'];
  const lead =
    reason === 'missing-number' && places.length
      ? words.noPlace(places)
      : // (Not for 2024: a whole part is about it, though no close paragraph answered.)
        reason === 'missing-number' && missingYears.length && !missingYears.some((y) => retrieval.partYears.has(y))
        ? words.noYear(missingYears, subjectYear)
        : near?.gap.kind === 'evidence'
          ? words.noFact(words.kinds[near.gap.evidence], near.gap.target)
          : words.noAnswer;
  const answer = inScript(lead, language);
  return {
    answer,
    abstained: true,
    mode: 'extractive',
    citations: [],
    suggestions,
    declineReason: reason,
    retrieval: retrievalDiagnostics(retrieval),
  };
}

/** The top of the ranking, for evals and staff. */
export function retrievalDiagnostics(retrieval: Retrieval): NonNullable<Answer['retrieval']> {
  return retrieval.hits.slice(0, 5).map((h) => ({ id: h.paragraph.id, score: round(h.score), coverage: round(h.coverage) }));
}

function distinctSections(paragraphs: { id: string; section: string }[]): { id: string; section: string }[] {
  const seen = new Set<string>();
  return paragraphs.filter((p) => !seen.has(p.section) && seen.add(p.section)).map(({ id, section }) => ({ id, section }));
}

const round = (x: number) => Math.round(x * 1000) / 1000;
