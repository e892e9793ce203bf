import { hanBigrams } from '../text/tokenize.js';
import { normalizeForMatch } from '../text/normalize.js';
import type { Lexicon } from './lexicon.js';

/** One piece of meaning in a question that a paragraph must cover to answer it. */
export interface QueryUnit {
  text: string;
  /** Alternative phrasings; the unit is covered by the best-covered one. Each is matched by its character bigrams. */
  forms: string[];
  kind: 'han' | 'latin' | 'glossary';
}

export interface QueryAnalysis {
  normalized: string;
  units: QueryUnit[];
  /** Report wording added by the glossary, appended to the full-text query. */
  expansions: string[];
  /** Numbers (incl. years other than the report's own) that the evidence must contain verbatim. */
  required: string[];
  /** The question asks for a quantity, so sentences with numbers are preferred. */
  wantsNumber: boolean;
  /** What kind of thing the answer must contain, when the question says (for the abstention check). */
  expects: 'number' | 'date' | 'person' | null;
}

/** Asking for a date or a month. */
const WANTS_DATE = /几月|哪个月|哪一天|哪天|什么时候|何时|日期|\bwhen\b|what date/u;
/** Asking for a person by name (叫什么名字 only after a word for a person: 局长叫什么名字, not 队伍叫什么名字). */
const WANTS_PERSON = /是谁|哪位|姓名|(?:长|书记|主任|人|员|者|领导)(?:叫什么|叫啥|的名字)|\bwho\b|whose name/u;
/** Asking for a quantity (a list question such as 哪几种 is not). */
const WANTS_NUMBER = /多少|几(?:个|件|次|人|名|家|项|条|台|份|天|万|亿|倍)|比例|比率|百分|多大|多高|多长时间|多久|数量|金额|\p{Script=Han}率(?=$|[呢吗是为有达?？,，。])|how many|how much|percent|what (?:was|is) the [a-z -]*rate/u;
const NUMBER = /\d+(?:\.\d+)?/gu;
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/**
 * Read a question: glossary phrases become units with report wording as alternatives,
 * the rest is segmented into content words (question words dropped, runs of single
 * characters merged back, since Intl.Segmenter splits 复议 → 复 / 议), and numbers become
 * hard requirements. The report's own year is implied and never required.
 */
export function analyzeQuery(question: string, lexicon: Lexicon, subjectYear: number): QueryAnalysis {
  const normalized = normalizeForMatch(question);
  const units: QueryUnit[] = [];
  const expansions: string[] = [];
  let rest = normalized;
  for (const entry of lexicon.glossary) {
    const pattern = glossaryPattern(entry.user);
    if (!pattern.test(rest)) continue;
    rest = rest.replace(pattern, ' ');
    units.push({ text: entry.user, forms: [entry.user, ...entry.report], kind: 'glossary' });
    expansions.push(...entry.report);
  }
  const required = [...rest.matchAll(NUMBER)].map((m) => m[0]).filter((n) => n !== String(subjectYear));
  for (const [, han, latin] of rest.matchAll(/(\p{Script=Han}+)|([a-z][a-z'-]*)/gu)) {
    if (han) units.push(...hanUnits(han, lexicon));
    else if (latin && latin.length > 1 && !lexicon.stopEn.has(latin)) units.push({ text: latin, forms: [latin], kind: 'latin' });
  }
  const wantsNumber = WANTS_NUMBER.test(normalized);
  const expects = WANTS_PERSON.test(normalized) ? 'person' : WANTS_DATE.test(normalized) ? 'date' : wantsNumber ? 'number' : null;
  return { normalized, units, expansions, required: [...new Set(required)], wantsNumber, expects };
}

function hanUnits(run: string, lexicon: Lexicon): QueryUnit[] {
  const units: QueryUnit[] = [];
  let singles = '';
  const flush = () => {
    if (singles) units.push({ text: singles, forms: [singles], kind: 'han' });
    singles = '';
  };
  for (const { segment } of segmenter.segment(run)) {
    const word = lexicon.stopZh.has(segment) ? '' : trimStopChars(segment, lexicon.particles);
    if (!word || lexicon.stopZh.has(word) || !/\p{Script=Han}/u.test(word)) {
      flush();
    } else if ([...word].length === 1) {
      singles += word;
    } else {
      flush();
      units.push({ text: word, forms: [word], kind: 'han' });
    }
  }
  flush();
  return units;
}

/** Intl.Segmenter glues particles onto words (讲的, 都在); drop question-frame characters at either end. */
function trimStopChars(segment: string, stop: Set<string>): string {
  const chars = [...segment];
  while (chars.length > 1 && stop.has(chars[0]!)) chars.shift();
  while (chars.length > 1 && stop.has(chars[chars.length - 1]!)) chars.pop();
  return chars.join('');
}

/** Bigrams of a form: Han bigrams, or the whole form for Latin words and numbers. */
export function formGrams(form: string): string[] {
  return /\p{Script=Han}/u.test(form) ? form.split(/[^\p{Script=Han}]+/u).filter(Boolean).flatMap(hanBigrams) : [form];
}

const patterns = new Map<string, RegExp>();
/** Latin glossary terms match whole words only (`sue` is not in `issued`); Han terms match anywhere. */
function glossaryPattern(term: string): RegExp {
  let re = patterns.get(term);
  if (!re) {
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = /^[\x00-\x7f]+$/.test(term) ? new RegExp(`(?<![a-z])${escaped}(?![a-z])`, 'g') : new RegExp(escaped, 'g');
    patterns.set(term, re);
  }
  re.lastIndex = 0;
  return re;
}
