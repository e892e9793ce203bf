import { Converter } from 'opencc-js/cn2t';
import { toSimplified } from '../text/normalize.js';

export type AnswerLanguage = 'zh-Hans' | 'zh-Hant' | 'en';

/**
 * Built on first use: the Simplified→Traditional tables take about 40 MB of heap and 300 ms to
 * build, and only answers to Traditional questions need them.
 */
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
  toTraditional ??= Converter({ from: 'cn', to: 'tw' });
  return toTraditional(text);
}
