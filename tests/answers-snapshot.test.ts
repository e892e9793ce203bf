import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANSWERS_SNAPSHOT_PATH, answerSnapshot, formatAnswerSnapshot } from '../evals/lib/answer-snapshot.js';
import { offlineService } from './helpers.js';

describe('answers snapshot (evals/answers.snapshot.json)', () => {
  it('gives every gold and dev2 question the recorded answer, citations and ranking, byte for byte', async () => {
    const recorded = readFileSync(ANSWERS_SNAPSHOT_PATH, 'utf8');
    const now = formatAnswerSnapshot(await answerSnapshot(await offlineService()));
    // Compare per question first, so a failure names the questions that changed.
    const before: unknown[] = JSON.parse(recorded);
    const changed = (JSON.parse(now) as unknown[]).filter((a, i) => JSON.stringify(a) !== JSON.stringify(before[i]));
    expect(changed, 'answers changed: rerun `npm run snapshot:answers` only for an intended change').toEqual([]);
    expect(now).toBe(recorded);
  });
});
