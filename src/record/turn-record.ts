import type { NewTurn } from '../store/database.js';
import type { Answer } from '../types.js';
import { normalizeQuestion } from './normalize-question.js';
import { redactPersonalData } from './redact-personal-data.js';
import { timeOrderedId } from './time-ordered-id.js';

export interface TurnFacts {
  answerId: string;
  conversationId?: string;
  question: string;
  answer: Answer;
  /** When the question arrived (ms since the epoch). */
  startedAt: number;
  latencyMs: number;
}

/**
 * The row recorded for one answered question. The question is redacted here, before it leaves
 * the request, so personal data is never queued, written or logged; no client address is kept.
 */
export function turnRecord({ answerId, conversationId, question, answer, startedAt, latencyMs }: TurnFacts): NewTurn {
  const redacted = redactPersonalData(question.trim());
  return {
    id: timeOrderedId(startedAt),
    answer_id: answerId,
    conversation_id: conversationId ?? null,
    created_at: isoTime(startedAt),
    question_redacted: redacted,
    mode: answer.mode,
    abstained: answer.abstained ? 1 : 0,
    degraded_reason: answer.degradedReason ?? null,
    cited_ids: citedIds(answer),
    latency_ms: Math.round(latencyMs),
    normalized_question: recentKey(redacted),
  };
}

/** `startedAt` as an ISO 8601 string; under load several turns start in the same millisecond and share it. */
let lastMs = Number.NaN;
let lastIso = '';
function isoTime(ms: number): string {
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

/** The paragraph ids an answer cites, as JSON; a kept answer (asked again) has them made once. */
const cited = new WeakMap<Answer, string>();
function citedIds(answer: Answer): string {
  let ids = cited.get(answer);
  if (ids === undefined) {
    ids = JSON.stringify([...new Set(answer.citations.map((c) => c.id))]);
    cited.set(answer, ids);
  }
  return ids;
}

/**
 * `normalizeQuestion` of recently recorded questions: people ask the same things, and folding
 * (OpenCC) is most of a turn's recording cost. Kept here, where the questions are already
 * redacted, so it holds no personal data; emptied when full.
 */
const recent = new Map<string, string>();
const MAX_RECENT = 2_000;
function recentKey(redacted: string): string {
  let key = recent.get(redacted);
  if (key === undefined) {
    key = normalizeQuestion(redacted);
    if (recent.size >= MAX_RECENT) recent.clear();
    recent.set(redacted, key);
  }
  return key;
}
