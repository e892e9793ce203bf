import type { Store } from '../store/store.js';
import type { ParagraphById } from './approved-answer.js';
import { groupSimilar } from './group-similar.js';
import { matchable } from './question-match.js';

/** How far back the review looks; older turns are the retention purge's. */
export const REVIEW_DAYS = 30;
/** Turns read for one review page, newest first (bounded memory on a busy deployment). */
const MAX_TURNS = 5_000;

export interface AskedQuestion {
  question: string;
  key: string;
  count: number;
  lastAsked: string;
  /** The answer given the last time it was asked. */
  answerId: string;
  mode: string;
  abstained: boolean;
  degradedReason: string | null;
  citations: { id: string; section: string }[];
}

export interface Review {
  declined: { count: number; questions: AskedQuestion[] }[];
  disliked: (AskedQuestion & { reasons: string[]; downs: number })[];
  week: AskedQuestion[];
  turns: number;
}

/** Recorded questions for the review page: declined ones grouped by topic, 👎 answers with their reasons, the week's most asked. */
export async function readReview(store: Store, paragraph: ParagraphById, now = new Date()): Promise<Review> {
  const since = new Date(now.getTime() - REVIEW_DAYS * 86_400_000).toISOString();
  const turns = await store.db
    .selectFrom('turns')
    .selectAll()
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .limit(MAX_TURNS)
    .execute();
  const downs = await store.db
    .selectFrom('feedback')
    .innerJoin('turns', 'turns.answer_id', 'feedback.answer_id')
    .select(['feedback.answer_id', 'feedback.reason', 'turns.normalized_question'])
    .where('feedback.rating', '=', 'down')
    .where('feedback.created_at', '>=', since)
    .execute();

  const byKey = new Map<string, AskedQuestion>();
  const asked = (t: (typeof turns)[number]): AskedQuestion => {
    const key = t.normalized_question || t.question_redacted;
    let q = byKey.get(key);
    if (!q) {
      // Turns come newest first: the first seen is the latest answer.
      const ids = JSON.parse(t.cited_ids) as string[];
      q = {
        question: t.question_redacted,
        key,
        count: 0,
        lastAsked: t.created_at,
        answerId: t.answer_id,
        mode: t.mode,
        abstained: t.abstained === 1,
        degradedReason: t.degraded_reason,
        citations: ids.map((id) => ({ id, section: paragraph(id)?.section ?? '' })),
      };
      byKey.set(key, q);
    }
    q.count++;
    return q;
  };
  for (const t of turns) asked(t);

  const mostAsked = (a: AskedQuestion, b: AskedQuestion) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked);
  const declinedQuestions = [...byKey.values()].filter((q) => q.abstained && q.mode !== 'referred').sort(mostAsked);
  const declined = groupSimilar(declinedQuestions.map((q) => ({ q, tokens: matchable(q.question).tokens })))
    .map((g) => ({ count: g.reduce((n, x) => n + x.q.count, 0), questions: g.map((x) => x.q) }))
    .sort((a, b) => b.count - a.count);

  const disliked = new Map<string, AskedQuestion & { reasons: string[]; downs: number }>();
  for (const d of downs) {
    const q = byKey.get(d.normalized_question);
    if (!q) continue;
    const entry = disliked.get(q.key) ?? { ...q, reasons: [], downs: 0 };
    entry.downs++;
    if (d.reason) entry.reasons.push(d.reason);
    disliked.set(q.key, entry);
  }

  const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const week = new Map<string, AskedQuestion>();
  for (const t of turns) {
    if (t.created_at < weekAgo) break;
    const key = t.normalized_question || t.question_redacted;
    const q = week.get(key) ?? { ...byKey.get(key)!, count: 0 };
    q.count++;
    week.set(key, q);
  }
  return {
    declined,
    disliked: [...disliked.values()].sort((a, b) => b.downs - a.downs),
    week: [...week.values()].sort(mostAsked).slice(0, 10),
    turns: turns.length,
  };
}
