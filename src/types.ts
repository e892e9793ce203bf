/** Shared shapes that flow corpus → ingest → index → retrieve → answer → http/cli/evals. */

export type ParagraphKind = 'header' | 'intro' | 'heading' | 'body' | 'closing';

/** A character range `[start, end)` in a paragraph's verbatim `text`. */
export interface Span {
  start: number;
  end: number;
}

/** A `一是…二是…` clause inside a paragraph. */
export interface Clause extends Span {
  /** The ordinal marker as written, e.g. `一是`. */
  marker: string;
}

export interface Paragraph {
  /** Stable id derived from structure, e.g. `s3.2`, `s2.p1`, `header-docno` (see docs in README). */
  id: string;
  kind: ParagraphKind;
  /** Chinese section path, e.g. `三、持续提升法治政府服务效能 › （二）打造法治化营商环境`. */
  section: string;
  /** Part number 1–9 when inside 一、…九、, else null. */
  part: number | null;
  /** Sub-part number from （一）…, else null. */
  subpart: number | null;
  /** The paragraph exactly as published, page-break joins removed only. */
  text: string;
  /** Sentences (split at 。！？；) covering the text. */
  sentences: Span[];
  clauses: Clause[];
  /** 1-based source line numbers the paragraph was rebuilt from. */
  lines: number[];
  /** Position in reading order. */
  order: number;
}

export interface OutlineNode {
  title: string;
  /** Paragraph id of the heading (or of the paragraph that carries the title). */
  id: string;
  paragraphIds: string[];
  children: OutlineNode[];
}

export interface ReportMeta {
  file: string;
  sha256: string;
  title: string;
  docNumber: string;
  issuer: string;
  subjectYear: number;
  dateSigned: string;
  [key: string]: unknown;
}

export interface ReportDocument {
  meta: ReportMeta;
  paragraphs: Paragraph[];
  outline: OutlineNode[];
}

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface Citation extends Span {
  id: string;
  section: string;
  /** Whole verbatim paragraph. */
  text: string;
  /** `text.slice(start, end)`. */
  quote: string;
}

/** Why a generated answer was replaced by the extractive one. */
export const DEGRADED_REASONS = [
  'first-token-timeout',
  'total-timeout',
  'rate-limited',
  'provider-unavailable',
  'provider-error',
  'invalid-response',
  'stream-interrupted',
  'unverified',
] as const;
export type DegradedReason = (typeof DEGRADED_REASONS)[number];

/** How often each check on a generated answer fired (for this answer; evals add them up). */
export interface Verification {
  /** Claims (cited sentences) the model wrote. */
  claims: number;
  /** Claims left out of the answer because a check failed. */
  claimsRemoved: number;
  /** Claims that carried no citation at all. */
  uncitedClaims: number;
  /** Citations naming a paragraph the model was not given. */
  unknownIds: number;
  /** Citations whose quote is not in the cited paragraph (whitespace aside). */
  quotesNotVerbatim: number;
  /** Verbatim quotes shorter than a clause (fewer than 6 letters or digits and not a whole clause). */
  quotesTooShort: number;
  /** Numbers in the answer that none of their claim's quotes states. */
  unsupportedNumbers: number;
  /** Claims whose quotes state too little of their wording (support ratio under the calibrated minimum). */
  unsupportedWords: number;
  /** Web or e-mail addresses, phone numbers, account ids or personal names that no quote of their claim states. */
  unsupportedTokens: number;
  /** 1 when the model declined (the service's own decline is then shown, never the model's words), else 0. */
  modelDeclined: 0 | 1;
  /** 1 when the model declined although the extractive answer had found an answer: the two disagree, else 0. */
  declineDisagreed: 0 | 1;
  /** 1 when the generated answer was replaced by the extractive one, else 0 (a count, so evals can add it up). */
  fallback: 0 | 1;
}

export interface Answer {
  answer: string;
  abstained: boolean;
  /** `approved`: written by staff from verified quotes; `referred`: staff found the report silent and name who can answer. */
  mode: 'extractive' | 'llm' | 'approved' | 'referred';
  citations: Citation[];
  /** Why the service declined: no-match, low-coverage, missing-number (a year or figure the report lacks), wrong-kind (no figure/date/name where one was asked). */
  declineReason?: string;
  /** Set when a model was configured but this answer is the extractive fallback. */
  degraded?: boolean;
  degradedReason?: DegradedReason;
  /** Present when a model wrote (or tried to write) the answer. */
  verification?: Verification;
  /** Closest sections to look at when abstaining. */
  suggestions?: { id: string; section: string }[];
  /** Retrieval diagnostics for evals and staff. */
  retrieval?: { id: string; score: number; coverage: number }[];
  /** Search terms a model's query rewrite added (present when the rewrite is configured; empty when it failed). Never part of the answer. */
  rewrite?: string[];
}

export interface SearchHit {
  id: string;
  section: string;
  text: string;
  score: number;
  coverage: number;
  /** Matched sentence spans, best first. */
  spans: (Span & { quote: string; score: number })[];
}
