import type { LanguageModel } from 'ai';
import type { AnswerPrompts } from '../llm/answer-prompts.js';
import { buildAnswerMessages } from '../llm/build-answer-messages.js';
import { createCitedTextParser, DECLINE_MARKER } from '../llm/parse-cited-text.js';
import { DEFAULT_MODEL_LIMITS, ModelFailure, streamModelText, type ModelLimits } from '../llm/stream-model-text.js';
import type { Retrieval } from '../retrieve/retrieve.js';
import type { Answer, ChatTurn, Citation, DegradedReason, Paragraph, ReportDocument, Verification } from '../types.js';
import { answerEvents, type AnswerEvent } from './answer-events.js';
import { declineAnswer } from './decline-answer.js';
import { extractNumbers } from '../text/extract-numbers.js';
import { loadPinyin } from '../text/pinyin.js';
import { anyCheckFired, citationKey, tallyChecks, verifyClaim, type Claim, type ClaimCheck } from './verify-answer.js';

/** Which paragraphs the model reads: the retrieved top-k, or the whole report (it fits in a context window). */
export type AnswerStrategy = 'retrieved' | 'whole-report';

export interface LlmAnswerOptions {
  model: LanguageModel;
  prompts: AnswerPrompts;
  strategy?: AnswerStrategy;
  /** How many retrieved paragraphs the model reads under the `retrieved` strategy. */
  contextParagraphs?: number;
  limits?: ModelLimits;
  /** Closest sections listed when the model declines (as the extractive decline lists them). */
  maxSuggestions?: number;
  /** Where a degraded answer is reported (one line, no secrets). */
  log?: (line: string) => void;
}

export interface LlmAnswerInput {
  question: string;
  history: ChatTurn[];
  retrieval: Retrieval;
  /** The extractive answer for the same retrieval: what the user gets whenever the model's answer cannot be used. */
  fallback: Answer;
  signal?: AbortSignal;
}

export type LlmAnswerer = (input: LlmAnswerInput) => AsyncGenerator<AnswerEvent>;

const CLAIM_TAIL = /[，。；！？、,.;!?）)」”』]*\s*$/u;

/**
 * Answers written by a model, checked before anyone sees them. Claims stream out one by one,
 * each only once its citations and numbers have passed `verifyClaim`; a claim that fails is left
 * out. When no claim survives, or the provider fails in any way, the extractive answer replaces
 * it (`degraded: true`). When retrieval already judged the report silent on the question (the
 * extractive answer declines), the model still reads the top paragraphs but its answer must pass
 * whole: any check that fires brings back the decline, and nothing is shown before the end.
 * A model that declines (`[[none]]`) gets the service's own decline, never its words.
 */
export function createLlmAnswerer({
  model,
  prompts,
  document,
  strategy = 'retrieved',
  contextParagraphs = 6,
  limits = DEFAULT_MODEL_LIMITS,
  maxSuggestions = 3,
  log = (line) => console.warn(line),
}: LlmAnswerOptions & { document: ReportDocument }): LlmAnswerer {
  // The report's own year and title figures need no citation ("2023年…").
  const contextNumbers = [
    String(document.meta.subjectYear),
    ...extractNumbers(document.meta.title).flatMap((n) => (n.value ? [n.value] : [])),
  ];

  return async function* answerWithModel({ question, history, retrieval, fallback, signal }) {
    const paragraphs: Paragraph[] =
      strategy === 'whole-report' ? document.paragraphs : retrieval.hits.slice(0, contextParagraphs).map((h) => h.paragraph);
    if (paragraphs.length === 0) return yield* answerEvents(fallback);
    await loadPinyin(); // the claim checks compare romanised names in pinyin

    const given = new Map(paragraphs.map((p) => [p.id, p]));
    const strict = fallback.abstained;
    const checks: ClaimCheck[] = [];
    const citations: Citation[] = [];
    const numbering = new Map<string, number>();
    const held: AnswerEvent[] = [];
    let answerText = '';
    let shown = false;

    const degrade = function* (
      reason: DegradedReason,
      detail: string,
      verification: Verification = tallyChecks(checks),
    ): Generator<AnswerEvent> {
      log(`[llm] answered extractively (${reason}): ${detail}`);
      if (shown) yield { type: 'reset', reason };
      yield* answerEvents({ ...fallback, degraded: true, degradedReason: reason, verification: { ...verification, fallback: 1 } });
    };

    const accept = function* (claims: Claim[]): Generator<AnswerEvent> {
      for (const claim of claims) {
        const check = verifyClaim(claim, { given, contextNumbers });
        checks.push(check);
        if (!check.kept) continue;
        const events = [...render(check)];
        if (strict) held.push(...events);
        else {
          shown = true;
          yield* events;
        }
      }
    };

    const render = function* (check: ClaimCheck): Generator<AnswerEvent> {
      const refs: number[] = [];
      for (const citation of check.citations) {
        let n = numbering.get(citationKey(citation));
        if (n === undefined) {
          n = citations.push(citation);
          numbering.set(citationKey(citation), n);
          yield { type: 'citation', n, citation };
        }
        if (!refs.includes(n)) refs.push(n);
      }
      const tail = CLAIM_TAIL.exec(check.claim.text)![0];
      let text = check.claim.text.slice(0, check.claim.text.length - tail.length) + refs.map((n) => `[${n}]`).join('') + tail;
      if (!answerText) text = text.trimStart();
      answerText += text;
      yield { type: 'text', text };
    };

    const { system, messages } = buildAnswerMessages({ prompts, paragraphs, question, history });
    const parser = createCitedTextParser();
    let raw = '';
    let kind: 'undecided' | 'answer' | 'decline' = 'undecided';
    try {
      for await (const delta of streamModelText({ model, system, messages, limits, signal })) {
        raw += delta;
        if (kind === 'answer') yield* accept(parser.push(delta));
        else {
          const head = raw.trimStart();
          if (head.length < DECLINE_MARKER.length && DECLINE_MARKER.startsWith(head)) continue;
          kind = head.startsWith(DECLINE_MARKER) ? 'decline' : 'answer';
          // What follows the marker is never shown: stop the call rather than wait for it.
          if (kind === 'decline') break;
          yield* accept(parser.push(raw));
        }
      }
    } catch (error) {
      const failure = error instanceof ModelFailure ? error : new ModelFailure('invalid-response', (error as Error).name);
      return yield* degrade(failure.reason, failure.message);
    }

    if (kind === 'undecided') {
      kind = raw.trimStart().startsWith(DECLINE_MARKER) ? 'decline' : 'answer';
      if (kind === 'answer') yield* accept(parser.push(raw));
    }
    if (kind === 'decline') return yield* decline();

    yield* accept(parser.end());
    const verification = tallyChecks(checks);
    if (citations.length === 0) return yield* degrade('unverified', `no claim passed the checks ${JSON.stringify(verification)}`);
    if (strict && anyCheckFired(verification))
      return yield* degrade(
        'unverified',
        `retrieval found no answer and the model's answer did not pass whole ${JSON.stringify(verification)}`,
      );
    yield* held;
    yield {
      type: 'final',
      answer: { answer: answerText, abstained: false, mode: 'llm', citations, retrieval: fallback.retrieval, verification },
    };

    /**
     * The model read the paragraphs and found no answer: the service declines in its own words
     * (its fixed sentence and the closest sections), never the model's, which could deny what
     * the report says or carry an address. This holds even when the extractive answer had found
     * something: the model read more than the best-matching sentence (near misses such as
     * 新增了多少户市场主体 match a neighbouring sentence), and declining is the safe side of
     * the disagreement, which `declineDisagreed` counts for the evals.
     */
    function* decline(): Generator<AnswerEvent> {
      const verification: Verification = { ...tallyChecks([]), modelDeclined: 1, declineDisagreed: fallback.abstained ? 0 : 1 };
      const answer = declineAnswer(retrieval, 'model-declined', { subjectYear: document.meta.subjectYear, maxSuggestions });
      yield* answerEvents({ ...answer, mode: 'llm', verification });
    }
  };
}
