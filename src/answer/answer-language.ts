import { toSimplified } from '../text/normalize.js';
import { createToTraditional } from '../text/to-traditional.js';

export type AnswerLanguage = 'zh-Hans' | 'zh-Hant' | 'en';

/** Built on first use (a few milliseconds): only answers to Traditional questions need it. */
let toTraditional: ((text: string) => string) | undefined;

/**
 * The language to frame an answer in: English when the question is mostly Latin letters,
 * Traditional Chinese when it has characters that Simplified Chinese writes differently.
 */
export function answerLanguage(question: string): AnswerLanguage {
  const latin = (question.match(/[a-z]/giu) ?? []).length;
  const han = (question.match(/\p{Script=Han}/gu) ?? []).length;
  if (latin > han * 2) return 'en';
  return han > 0 && toSimplified(question) !== question ? 'zh-Hant' : 'zh-Hans';
}

/**
 * Show an extractive answer in the reader's script. Only the answer text is converted; the
 * citations keep the report's own characters, and numbers are unchanged by the conversion.
 */
export function inScript(text: string, language: AnswerLanguage): string {
  if (language !== 'zh-Hant') return text;
  toTraditional ??= createToTraditional();
  return toTraditional(text);
}
