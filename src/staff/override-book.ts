import type { ApprovedQuote } from '../store/database.js';
import type { Store } from '../store/store.js';
import type { Answer } from '../types.js';
import { approvedAnswer, type ParagraphById, referralAnswer } from './approved-answer.js';
import { matchable, matchScore, type MatchableQuestion } from './question-match.js';

interface Entry {
  question: MatchableQuestion;
  answer: Answer;
  createdAt: string;
}

export interface OverrideBook {
  /** The approved or referred answer for this question, or null: it is answered as usual. */
  find(question: string, history: { role: string }[]): Promise<Answer | null>;
  /** Read the approvals and referrals again (after a change here; other replicas wait for `maxAgeMs`). */
  reload(): Promise<void>;
  /**
   * Start reading them again in the background when the last read is older than `maxAgeMs` (`find`
   * does it too). Returns that read, which never rejects, or null when none was started: on Workers
   * the request keeps it alive with `waitUntil`, or it would be cut off with the response.
   */
  refresh(): Promise<void> | null;
}

/**
 * What staff decided, kept in memory and matched before the service answers. Re-read after each
 * change made through this process, and at most `maxAgeMs` after a change made by another replica
 * (PostgreSQL shared by several). An approval wins over a referral when both match equally; the
 * closer match wins otherwise, the newest when tied.
 */
export function createOverrideBook(store: Store, paragraph: ParagraphById, { maxAgeMs = 5_000 } = {}): OverrideBook {
  let entries: Entry[] = [];
  let loadedAt = Number.NEGATIVE_INFINITY;
  let loading: Promise<void> | null = null;

  async function load() {
    const [approved, referrals] = await Promise.all([
      store.db.selectFrom('approved_answers').selectAll().where('status', '=', 'active').execute(),
      store.db.selectFrom('referrals').selectAll().execute(),
    ]);
    entries = [
      ...approved.map((a) => ({
        question: matchable(a.question),
        answer: approvedAnswer(a.framing, JSON.parse(a.quotes) as ApprovedQuote[], paragraph),
        createdAt: a.created_at,
      })),
      ...referrals.map((r) => ({ question: matchable(r.question), answer: referralAnswer(r.office, r.phone), createdAt: r.created_at })),
    ];
    loadedAt = performance.now();
  }

  function reload() {
    loading = load().finally(() => {
      loading = null;
    });
    return loading;
  }

  /**
   * Another replica's decisions are read again in the background: a question never waits for the
   * database, and a database that is down leaves the decisions already read in force (tried again
   * `maxAgeMs` later).
   */
  function refresh(): Promise<void> | null {
    if (loading || performance.now() - loadedAt <= maxAgeMs) return null;
    return reload().catch(() => {
      loadedAt = performance.now();
    });
  }

  return {
    reload,
    refresh,
    async find(question, history) {
      void refresh();
      if (entries.length === 0) return null;
      const asked = matchable(question);
      // A follow-up (那去年呢) means something else after other questions: only the very same words match then.
      const followUp = history.some((t) => t.role === 'user');
      let best: { entry: Entry; score: number } | null = null;
      for (const entry of entries) {
        const score = followUp ? (asked.key === entry.question.key ? 1 : 0) : matchScore(asked, entry.question);
        if (score === 0 || (best && !better(score, entry, best))) continue;
        best = { entry, score };
      }
      return best?.entry.answer ?? null;
    },
  };
}

function better(score: number, entry: Entry, best: { entry: Entry; score: number }): boolean {
  if (score !== best.score) return score > best.score;
  const rank = (e: Entry) => (e.answer.mode === 'approved' ? 1 : 0);
  if (rank(entry) !== rank(best.entry)) return rank(entry) > rank(best.entry);
  return entry.createdAt > best.entry.createdAt;
}
