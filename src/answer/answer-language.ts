import { toSimplified } from '../text/normalize.js';

export type AnswerLanguage = 'zh-Hans' | 'zh-Hant' | 'en';

/**
 * Loaded on first need, in a chunk of its own: OpenCC's Simplified→Traditional dictionaries are a
 * megabyte of source that every start-up would otherwise compile, and only answers to
 * Traditional questions use them.
 */
let toTraditional: ((text: string) => string) | undefined;
let loading: Promise<void> | undefined;

/** Make `inScript` able to write Traditional Chinese; the service awaits it before answering a Traditional question. */
export function loadTraditional(): Promise<void> {
  loading ??= import('../text/to-traditional.js').then(function ready({ createToTraditional }) {
    toTraditional = createToTraditional();
  });
  return loading;
}

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
  // Not loaded yet (a caller that did not await `loadTraditional`): the same words, in Simplified characters.
  if (!toTraditional) {
    void loadTraditional();
    return text;
  }
  return toTraditional(text);
}
