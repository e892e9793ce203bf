import type { ChatTurn } from '../types.js';
import type { QueryAnalysis } from './analyze-query.js';

/** Openers and endings that lean on the previous question (那纠错率呢？ / what about …?). */
const LEANS_ON_CONTEXT =
  /^(那|那么|还有|另外|再问|再说|and\b|what about|how about|also\b)|呢[?？。!！]*$|其中|上述|这些|那些|这个|那个|这项|这种|它们?|该项|\b(it|they|them|those|these|that one)\b/iu;

/** A question that cannot stand alone: it opens or ends like a follow-up, or says almost nothing by itself. */
export function isElliptical(question: string, analysis: QueryAnalysis): boolean {
  return LEANS_ON_CONTEXT.test(question.trim()) || analysis.units.length + analysis.required.length <= 1;
}

/**
 * The earlier user questions a follow-up refers to, newest first: the previous user turn,
 * and further back while those were themselves follow-ups (at most three).
 */
export function contextQuestions(history: ChatTurn[], analyze: (q: string) => QueryAnalysis): string[] {
  const out: string[] = [];
  for (let i = history.length - 1; i >= 0 && out.length < 3; i--) {
    const turn = history[i]!;
    if (turn.role !== 'user') continue;
    out.push(turn.content);
    if (!isElliptical(turn.content, analyze(turn.content))) break;
  }
  return out;
}
