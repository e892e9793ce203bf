/** The rewrite prompt version the code was written and tested against (prompts/rewrite-query.zh.v1.txt). */
export const REWRITE_PROMPT_VERSION = 'zh.v1';

/** The system prompt of the query rewrite, as loaded from `prompts/` (versioned text, not code). */
export interface RewritePrompt {
  version: string;
  /** `{{sections}}` is filled in once with the report's section titles. */
  system: string;
}

export const SECTIONS_PLACEHOLDER = '{{sections}}';

/** Check the prompt text once, at start-up: without the placeholder the model would never see the report's wording. */
export function parseRewritePrompt(raw: { version: string; system: string }): RewritePrompt {
  if (raw.system.split(SECTIONS_PLACEHOLDER).length !== 2) {
    throw new Error(`prompts: the rewrite prompt ${raw.version} must contain ${SECTIONS_PLACEHOLDER} exactly once`);
  }
  return { version: raw.version, system: raw.system.trim() };
}
