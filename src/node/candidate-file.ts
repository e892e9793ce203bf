import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CandidateFile } from '../http/staff/staff-action-routes.js';
import { projectRoot } from './project-paths.js';

/** evals/candidates.jsonl: reviewed questions in the gold format, for a person to move into gold.jsonl after review in git. */
export const candidatesFile = (): string => join(projectRoot(), 'evals', 'candidates.jsonl');

const idsIn = (file: string) =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { id: string }).id)
    : [];

/** Candidates appended to `file`; their ids continue after those of the gold set and of the file itself. */
export function candidateFile(file = candidatesFile(), goldFile = join(projectRoot(), 'evals', 'gold.jsonl')): CandidateFile {
  return {
    async takenIds() {
      return [...idsIn(goldFile), ...idsIn(file)];
    },
    async append(items) {
      appendFileSync(file, items.map((i) => `${JSON.stringify(i)}\n`).join(''));
      return file;
    },
  };
}
