import type { Answer, Citation, DegradedReason } from '../types.js';

/**
 * An answer as it is produced, for streaming. `citation` and `text` parts only ever carry
 * verified content; `final` is the answer as `/api/ask` returns it and is authoritative: when a
 * generated answer degrades after part of it was shown, `final` holds the extractive answer that
 * replaces it.
 */
export type AnswerEvent =
  /** The n-th (1-based) distinct citation; text refers to it as `[n]`. */
  | { type: 'citation'; n: number; citation: Citation }
  | { type: 'text'; text: string }
  /** What was shown so far is withdrawn: the events that follow (the extractive answer) replace it. */
  | { type: 'reset'; reason: DegradedReason }
  | { type: 'final'; answer: Answer };

/** A finished answer as events: its text, its citations, then the answer itself. */
export function* answerEvents(answer: Answer): Generator<AnswerEvent> {
  yield { type: 'text', text: answer.answer };
  for (const [i, citation] of answer.citations.entries()) yield { type: 'citation', n: i + 1, citation };
  yield { type: 'final', answer };
}

/** The final answer of an event stream (what `/api/ask` returns). */
export async function collectAnswer(events: AsyncIterable<AnswerEvent>): Promise<Answer> {
  let final: Answer | undefined;
  for await (const event of events) if (event.type === 'final') final = event.answer;
  if (!final) throw new Error('answer stream ended without a final answer');
  return final;
}
