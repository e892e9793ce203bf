import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPromptsDir } from './load-answer-prompts.js';
import { parseRewritePrompt, REWRITE_PROMPT_VERSION, type RewritePrompt } from './rewrite-prompt.js';

/** Read `prompts/rewrite-query.<version>.txt` (Node; once, at start-up). Workers import the file instead. */
export function loadRewritePrompt(dir: string = defaultPromptsDir(), version: string = REWRITE_PROMPT_VERSION): RewritePrompt {
  return parseRewritePrompt({ version, system: readFileSync(join(dir, `rewrite-query.${version}.txt`), 'utf8') });
}
