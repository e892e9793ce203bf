/** The prompt version the code was written and tested against (prompts/answer-*.zh.v1.txt). */
export const ANSWER_PROMPT_VERSION = 'zh.v1';

/** The prompts a generated answer is written with, as loaded from `prompts/` (versioned text, not code). */
export interface AnswerPrompts {
  /** e.g. `zh.v1`; printed at start-up so an eval run can say which prompt it measured. */
  version: string;
  system: string;
  /** The user turn: `{{paragraphs}}` and `{{question}}` are filled in per question. */
  context: string;
}

const PLACEHOLDERS = ['{{paragraphs}}', '{{question}}'] as const;

/** Check prompt texts once, at start-up: a template missing a placeholder would silently drop the question or the report. */
export function parseAnswerPrompts(raw: { version: string; system: string; context: string }): AnswerPrompts {
  if (!raw.system.trim()) throw new Error(`prompts: the system prompt ${raw.version} is empty`);
  for (const p of PLACEHOLDERS) {
    if (raw.context.split(p).length !== 2) throw new Error(`prompts: the context template ${raw.version} must contain ${p} exactly once`);
  }
  return { version: raw.version, system: raw.system.trim(), context: raw.context.trim() };
}
