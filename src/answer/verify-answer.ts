import type { Citation, Paragraph, Verification } from '../types.js';
import { claimSupport, MIN_CLAIM_SUPPORT, type ClaimSupport } from './claim-support.js';
import { unsupportedTokens } from './claim-tokens.js';
import { contentChars, MIN_QUOTE_CONTENT_CHARS, quoteIsClause } from './clause-quote.js';
import { extractNumbers, numberSupported } from '../text/extract-numbers.js';
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
  /** Least share of a claim's words its quotes must state (`MIN_CLAIM_SUPPORT`, calibrated on the gold set). */
  minSupport?: number;
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
  /** Verbatim quotes shorter than a clause: they would fit next to almost any sentence. */
  quotesTooShort: ClaimRef[];
  /** Figures of the claim that none of its quotes states. */
  unsupportedNumbers: string[];
  /** How much of the claim's wording its quotes state (measured only when it has a valid citation). */
  support: ClaimSupport | null;
  /** Its quotes state too little of the claim's wording (`support.ratio` under the minimum). */
  unsupportedWords: boolean;
  /** Web or e-mail addresses, phone numbers, account ids or names that no quote states. */
  unsupportedTokens: string[];
}

/** A list marker a model may put before a claim (`1. `, `（2）`, `- `): layout, not a figure. */
const LIST_MARKER = /^\s*(?:\d{1,2}[.、)）]|[（(]\d{1,2}[)）]|[-*•·])\s*/u;

/**
 * The checks on one claim, in order:
 * 1. every cited id is one of the paragraphs given to the model;
 * 2. every quote occurs in the cited paragraph, whitespace aside (offsets returned), and is at
 *    least a clause (`quoteIsClause`);
 * 3. every number in the claim is stated in one of its valid quotes (not merely somewhere in the
 *    paragraph: a neighbouring figure of the same paragraph is the likeliest wrong number);
 * 4. its quotes state enough of its wording (`claimSupport`; an English claim is not measured,
 *    its numbers, names and quote lengths still are);
 * 5. it adds no address, phone number, account id or name its quotes do not state.
 * A claim is kept only with at least one valid citation and every check passed; invalid
 * citations are dropped from a kept claim.
 */
export function verifyClaim(claim: Claim, { given, contextNumbers = [], minSupport = MIN_CLAIM_SUPPORT }: VerifyContext): ClaimCheck {
  const citations: Citation[] = [];
  const unknownIds: string[] = [];
  const quotesNotVerbatim: ClaimRef[] = [];
  const quotesTooShort: ClaimRef[] = [];
  for (const ref of claim.refs) {
    const paragraph = given.get(ref.id);
    if (!paragraph) {
      unknownIds.push(ref.id);
      continue;
    }
    const span = locateQuote(paragraph.text, ref.quote);
    if (!span || !quoteIsClause(paragraph.text, span)) {
      // locateQuote refuses a quote of two or three characters outright: too short, not invented.
      (span || contentChars(ref.quote) < MIN_QUOTE_CONTENT_CHARS ? quotesTooShort : quotesNotVerbatim).push(ref);
      continue;
    }
    const { id, section, text } = paragraph;
    citations.push({ id, section, text, quote: text.slice(span.start, span.end), start: span.start, end: span.end });
  }
  const text = claim.text.replace(LIST_MARKER, '');
  const quotes = citations.map((c) => c.quote);
  const unsupportedNumbers = extractNumbers(text)
    .filter((n) => !(n.value !== null && contextNumbers.includes(n.value)))
    .filter((n) => !quotes.some((q) => numberSupported(n, q)))
    .map((n) => n.literal);
  const support = citations.length ? claimSupport(text, quotes, { contextNumbers }) : null;
  const unsupportedWords = support !== null && support.ratio < minSupport;
  const tokens = unsupportedTokens(text, quotes);
  return {
    claim,
    kept: citations.length > 0 && unsupportedNumbers.length === 0 && !unsupportedWords && tokens.length === 0,
    citations: dedupe(citations),
    uncited: claim.refs.length === 0,
    unknownIds,
    quotesNotVerbatim,
    quotesTooShort,
    unsupportedNumbers,
    support,
    unsupportedWords,
    unsupportedTokens: tokens,
  };
}

/** Add up what the checks found over an answer's claims. */
export function tallyChecks(checks: readonly ClaimCheck[], fallback: 0 | 1 = 0): Verification {
  const count = (f: (c: ClaimCheck) => number) => checks.reduce((n, c) => n + f(c), 0);
  return {
    claims: checks.length,
    claimsRemoved: checks.filter((c) => !c.kept).length,
    uncitedClaims: checks.filter((c) => c.uncited).length,
    unknownIds: count((c) => c.unknownIds.length),
    quotesNotVerbatim: count((c) => c.quotesNotVerbatim.length),
    quotesTooShort: count((c) => c.quotesTooShort.length),
    unsupportedNumbers: count((c) => c.unsupportedNumbers.length),
    unsupportedWords: checks.filter((c) => c.unsupportedWords).length,
    unsupportedTokens: count((c) => c.unsupportedTokens.length),
    modelDeclined: 0,
    declineDisagreed: 0,
    fallback,
  };
}

/** Did any check fire at all (for answers that must pass whole or not at all)? */
export function anyCheckFired(v: Verification): boolean {
  const fired = [v.claimsRemoved, v.uncitedClaims, v.unknownIds, v.quotesNotVerbatim, v.quotesTooShort];
  fired.push(v.unsupportedNumbers, v.unsupportedWords, v.unsupportedTokens);
  return fired.some((n) => n > 0);
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
