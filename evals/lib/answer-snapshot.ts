import type { QaService } from '../../src/qa-service.js';
import type { Answer } from '../../src/types.js';
import { loadGold, OPEN_SPLIT_PATHS } from './gold.js';

/** What a citizen sees of one answer, plus the ranking the evals score (R@k). */
export interface SnapshotAnswer {
  id: string;
  answer: string;
  abstained: boolean;
  declineReason: string | null;
  citations: { id: string; start: number; end: number; quote: string }[];
  suggestions: string[];
  ranking: string[];
}

export const ANSWERS_SNAPSHOT_PATH = new URL('../answers.snapshot.json', import.meta.url);

/** Every split but the blind one (gold.jsonl, dev2.jsonl … dev12.jsonl): the blind split is never read here. */
export function snapshotQuestions() {
  return loadGold(OPEN_SPLIT_PATHS);
}

function summarise(id: string, a: Answer): SnapshotAnswer {
  return {
    id,
    answer: a.answer,
    abstained: a.abstained,
    declineReason: a.declineReason ?? null,
    citations: a.citations.map((c) => ({ id: c.id, start: c.start, end: c.end, quote: c.quote })),
    suggestions: (a.suggestions ?? []).map((s) => s.id),
    ranking: (a.retrieval ?? []).map((r) => r.id),
  };
}

/** Every answer the given service gives to the tuning questions, in file order. */
export async function answerSnapshot(service: Pick<QaService, 'ask'>): Promise<SnapshotAnswer[]> {
  const out: SnapshotAnswer[] = [];
  for (const item of snapshotQuestions()) out.push(summarise(item.id, await service.ask(item.question, item.history ?? [])));
  return out;
}

/** One answer per line, so a diff of the committed file shows which questions changed. */
export function formatAnswerSnapshot(answers: SnapshotAnswer[]): string {
  return `[\n${answers.map((a) => JSON.stringify(a)).join(',\n')}\n]\n`;
}
