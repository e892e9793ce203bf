import type { Answer, ChatTurn } from '../types.js';

/** Most questions answered from one message (出台了多少件？漏报了多少件？). */
const MAX_ASKS = 3;

/**
 * The questions of one message, when it asks more than one (…有多少件？…评估了多少件？): each
 * ends with a question mark and says something. One question (or none marked) gives `[]`.
 */
export function splitAsks(question: string): string[] {
  const parts = question
    .split(/(?<=[？?])/u)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2 || parts.length > MAX_ASKS) return [];
  if (!parts.every((p) => /[？?]$/u.test(p) && [...p.replace(/[\s？?]/gu, '')].length >= 3)) return [];
  return parts;
}

/** Each ask is read as a follow-up of the ones before it, as if the citizen had sent them one by one. */
export function historyForAsk(history: ChatTurn[], asks: string[], i: number): ChatTurn[] {
  return [...history, ...asks.slice(0, i).map((content): ChatTurn => ({ role: 'user', content }))];
}

/**
 * The answer to a message that asks several things: the answer to the whole message, then the
 * answer to each further ask that rests on a paragraph the whole answer already cites (出台了多少件？
 * 漏报了多少件？ are both told in the same paragraph) and says something the answer does not yet.
 * An ask answered from elsewhere is left out: read as a follow-up it may lean on the first ask
 * more than the citizen meant, and a wrong figure is worse than one left for the next question.
 */
export function withFurtherAsks(whole: Answer, further: Answer[]): Answer {
  if (whole.abstained) return whole;
  const cited = new Set(whole.citations.map((c) => c.id));
  const citations = [...whole.citations];
  const texts = [whole.answer];
  for (const answer of further) {
    if (answer.abstained || !answer.citations.length || !answer.citations.every((c) => cited.has(c.id))) continue;
    const fresh = answer.citations.filter((c) => !citations.some((d) => d.id === c.id && d.start === c.start && d.end === c.end));
    if (!fresh.length) continue;
    citations.push(...fresh);
    texts.push(answer.answer);
  }
  return texts.length === 1 ? whole : { ...whole, answer: texts.join('\n\n'), citations };
}
