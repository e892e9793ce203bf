import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANSWER_PROMPT_VERSION, parseAnswerPrompts, type AnswerPrompts } from './answer-prompts.js';

/** prompts/ (a function: see src/node/project-paths.ts). */
export const defaultPromptsDir = (): string => fileURLToPath(new URL('../../prompts/', import.meta.url));

/** Read `prompts/answer-system.<version>.txt` and `prompts/answer-context.<version>.txt` (Node; once, at start-up). */
export function loadAnswerPrompts(dir: string = defaultPromptsDir(), version: string = ANSWER_PROMPT_VERSION): AnswerPrompts {
  const read = (name: string) => readFileSync(join(dir, `${name}.${version}.txt`), 'utf8');
  return parseAnswerPrompts({ version, system: read('answer-system'), context: read('answer-context') });
}
