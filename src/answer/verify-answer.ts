import type { Citation, Paragraph, Verification } from '../types.js';
import { extractNumbers, numberSupported } from './extract-numbers.js';
import { locateQuote } from './locate-quote.js';

/** A citation as the model wrote it: a paragraph id and what it says it quotes. */
export interface ClaimRef {
  id: string;
  quote: string;
}

/** One claim of a generated answer: its words (markers taken out) and the citations after it. */
export interface Claim {
  text: string;
  refs: ClaimRef[];
}

export interface VerifyContext {
  /** The paragraphs the model was given for this question, by id: the only ones it may cite. */
  given: ReadonlyMap<string, Paragraph>;
  /** Figures any answer may use without a citation: the report's own year and title. */
  contextNumbers?: readonly string[];
}

/** What the checks found in one claim. The claim is shown only when `kept`. */
export interface ClaimCheck {
  claim: Claim;
  kept: boolean;
  /** Verified citations, quote = text.slice(start, end) in the report's own wording. */
  citations: Citation[];
  uncited: boolean;
  unknownIds: string[];
  quotesNotVerbatim: ClaimRef[];
  unsupportedNumbers: string[];
}

/** A list marker a model may put before a claim (`1. `, `（2）`, `- `): layout, not a figure. */
const LIST_MARKER = /^\s*(?:\d{1,2}[.、)）]|[（(]\d{1,2}[)）]|[-*•·])\s*/u;

/**
 * The checks on one claim, in order:
 * 1. every cited id is one of the paragraphs given to the model;
 * 2. every quote occurs in the cited paragraph, whitespace aside (offsets returned);
 * 3. every number in the claim is stated in a paragraph it validly cites.
 * A claim is kept only with at least one valid citation and no unsupported number;
 * invalid citations are dropped from a kept claim.
 */
export function verifyClaim(claim: Claim, { given, contextNumbers = [] }: VerifyContext): ClaimCheck {
  const citations: Citation[] = [];
  const unknownIds: string[] = [];
  const quotesNotVerbatim: ClaimRef[] = [];
  for (const ref of claim.refs) {
    const paragraph = given.get(ref.id);
    if (!paragraph) {
      unknownIds.push(ref.id);
      continue;
    }
    const span = locateQuote(paragraph.text, ref.quote);
    if (!span) {
      quotesNotVerbatim.push(ref);
      continue;
    }
    const { id, section, text } = paragraph;
    citations.push({ id, section, text, quote: text.slice(span.start, span.end), start: span.start, end: span.end });
  }
  const citedTexts = citations.map((c) => c.text);
  const unsupportedNumbers = extractNumbers(claim.text.replace(LIST_MARKER, ''))
    .filter((n) => !(n.value !== null && contextNumbers.includes(n.value)))
    .filter((n) => !citedTexts.some((t) => numberSupported(n, t)))
    .map((n) => n.literal);
  return {
    claim,
    kept: citations.length > 0 && unsupportedNumbers.length === 0,
    citations: dedupe(citations),
    uncited: claim.refs.length === 0,
    unknownIds,
    quotesNotVerbatim,
    unsupportedNumbers,
  };
}

/** Add up what the checks found over an answer's claims. */
export function tallyChecks(checks: readonly ClaimCheck[], fallback: 0 | 1 = 0): Verification {
  return {
    claims: checks.length,
    claimsRemoved: checks.filter((c) => !c.kept).length,
    uncitedClaims: checks.filter((c) => c.uncited).length,
    unknownIds: checks.reduce((n, c) => n + c.unknownIds.length, 0),
    quotesNotVerbatim: checks.reduce((n, c) => n + c.quotesNotVerbatim.length, 0),
    unsupportedNumbers: checks.reduce((n, c) => n + c.unsupportedNumbers.length, 0),
    fallback,
  };
}

/** Did any check fire at all (for answers that must pass whole or not at all)? */
export function anyCheckFired(v: Verification): boolean {
  return v.claimsRemoved + v.uncitedClaims + v.unknownIds + v.quotesNotVerbatim + v.unsupportedNumbers > 0;
}

/** Same paragraph and span cited twice in one claim counts once. */
function dedupe(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = citationKey(c);
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

export function citationKey(c: Pick<Citation, 'id' | 'start' | 'end'>): string {
  return `${c.id}:${c.start}-${c.end}`;
}
