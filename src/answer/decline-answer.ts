import type { Answer } from '../types.js';
import { requiredParts } from '../retrieve/analyze-query.js';
import type { Retrieval, RetrievedParagraph } from '../retrieve/retrieve.js';
import { answerLanguage, inScript } from './answer-language.js';
import { PHRASES } from './answer-phrases.js';
import type { GroundingGap } from './ground-answer.js';

/** Why the service declines (for the reply and for evals). */
export type DeclineReason = 'no-match' | 'low-coverage' | 'missing-number' | 'wrong-kind' | 'off-subject' | 'model-declined';

export interface DeclineOptions {
  subjectYear: number;
  maxSuggestions: number;
  /** The closest section and what it lacks, when the report speaks of the subject but not of the asked fact. */
  near?: { section: string; gap: GroundingGap };
}

/**
 * The service's one way of saying the report does not answer: a fixed sentence in the asker's
 * language, then the closest sections — ones that share something with the question, with none
 * of those, the closest body sections (never the letterhead).
 */
export function declineAnswer(retrieval: Retrieval, reason: DeclineReason, { subjectYear, maxSuggestions, near }: DeclineOptions): Answer {
  const language = answerLanguage(retrieval.question);
  const related = retrieval.hits.filter((h) => h.coverage > 0);
  const suggestions = distinctSections(related.length ? related : retrieval.hits.filter((h) => h.paragraph.kind === 'body')).slice(
    0,
    maxSuggestions,
  );
  const { years: missingYears, places } = requiredParts(retrieval.analysis.required);
  const sections = suggestions.map((s) => `「${s.section}」`).join('、');
  const words = PHRASES[language === 'en' ? 'en' : 'zh'];
  const lead =
    reason === 'missing-number' && places.length
      ? words.noPlace(places)
      : reason === 'missing-number' && missingYears.length
        ? words.noYear(missingYears, subjectYear)
        : near?.gap.kind === 'evidence'
          ? words.noFact(near.section, words.kinds[near.gap.evidence], near.gap.target)
          : words.noAnswer;
  const answer = inScript(lead + (sections ? words.related(sections) : ''), language);
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

function distinctSections(hits: RetrievedParagraph[]): { id: string; section: string }[] {
  const seen = new Set<string>();
  return hits
    .filter((h) => !seen.has(h.paragraph.section) && seen.add(h.paragraph.section))
    .map((h) => ({ id: h.paragraph.id, section: h.paragraph.section }));
}

const round = (x: number) => Math.round(x * 1000) / 1000;
