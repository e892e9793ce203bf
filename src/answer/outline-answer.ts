import type { Answer, Paragraph } from '../types.js';
import { chineseValue } from '../text/extract-numbers.js';
import type { Retrieval } from '../retrieve/retrieve.js';
import { answerLanguage, inScript } from './answer-language.js';
import { citation } from './answer-span.js';
import { PHRASES } from './answer-phrases.js';
import { retrievalDiagnostics } from './decline-answer.js';

const NUMERAL = '[一二两三四五六七八九十\\d]+';
const EN_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };

/** 1-based part numbers a question names as a range of the report's parts, or null for all of them. */
function askedRange(question: string, parts: number): [number, number] | null {
  const n = (text: string) => Number(/^\d+$/u.test(text) ? text : (EN_NUMBERS[text] ?? chineseValue(text)));
  // (最后一部分 before 后N部分, which it would match.)
  if (/(?:最后|最末)(?:一)?(?:个)?(?:大)?部分|\blast (?:part|section|chapter)\b/u.test(question)) {
    // 分几个部分，最后一部分讲的啥 asks for them all, the last one too.
    return /(?:几|多少)(?:个)?(?:大)?部分|\bhow many\b/u.test(question) ? null : [parts, parts];
  }
  let m = new RegExp(`第(${NUMERAL})(?:个)?(?:部分)?(?:到|至|—|－|-|~)第?(${NUMERAL})(?:个)?(?:大)?部分`, 'u').exec(question);
  if (m) return [n(m[1]!), n(m[2]!)];
  m = new RegExp(`(?:前|头)(${NUMERAL})(?:个)?(?:大)?部分`, 'u').exec(question);
  if (m) return [1, n(m[1]!)];
  m = new RegExp(`后(${NUMERAL})(?:个)?(?:大)?部分`, 'u').exec(question);
  if (m) return [parts - n(m[1]!) + 1, parts];
  m = /\bfirst (\w+) (?:parts|sections|chapters)\b/u.exec(question);
  if (m) return [1, n(m[1]!)];
  m = /\blast (\w+) (?:parts|sections|chapters)\b/u.exec(question);
  if (m) return [parts - n(m[1]!) + 1, parts];
  m = /\b(?:parts|sections|chapters) (\d+) (?:to|through|-) (\d+)\b/u.exec(question);
  if (m) return [n(m[1]!), n(m[2]!)];
  return null;
}

/**
 * A question about the report's parts as a whole (前三部分的标题, 第四到第七部分, 分几个部分): the headings of
 * the parts asked, 一、… to 九、…, each quoted whole and cited. Null when the range is not one of the report's.
 */
export function outlineAnswer(retrieval: Retrieval): Answer | null {
  const parts = retrieval.parts();
  if (!parts.length) return null;
  const range = askedRange(retrieval.analysis.normalized, parts.length);
  const [from, to] = range ?? [1, parts.length];
  if (!(from >= 1 && to <= parts.length && from <= to)) return null;
  const asked: Paragraph[] = parts.slice(from - 1, to);
  const language = answerLanguage(retrieval.question);
  const words = PHRASES[language === 'en' ? 'en' : 'zh'];
  const citations = asked.map((p) => citation(p, { start: 0, end: p.text.length }));
  const bullets = citations.map((c, i) => `· ${c.quote}[${i + 1}]`).join('\n');
  const lead = range ? words.listOf(asked.length) : words.partsOf(parts.length);
  const body = asked.length === 1 ? `${citations[0]!.quote}[1]` : `${lead}\n${bullets}`;
  return {
    answer: inScript(body, language),
    abstained: false,
    mode: 'extractive',
    citations,
    retrieval: retrievalDiagnostics(retrieval),
  };
}
