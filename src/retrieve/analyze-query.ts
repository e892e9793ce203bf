import { hanBigrams } from '../text/tokenize.js';
import { normalizeForMatch } from '../text/normalize.js';
import { pinyinKey, type Lexicon } from './lexicon.js';

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
  /** The question asks for several things (哪些, 哪几, 有什么措施, what are): quote the whole enumeration. */
  wantsList: boolean;
  /** What kind of thing the answer must contain, when the question says (for the abstention check). */
  expects: 'number' | 'date' | 'person' | null;
}

/** Asking for an enumeration. */
const WANTS_LIST = /哪些|哪几|有什么|有啥|包括|包含|分别|列举|几大|几项|几个方面|什么(?:措施|举措|做法|打算|安排|问题|方面|特色|内容|工作)|\bwhat are\b|\bwhich\b.*\b(?:measures|ones|areas)\b|\blist\b/u;
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
    if (han) units.push(...hanUnits(han, lexicon).map((u) => withHomophones(u, lexicon)));
    else if (latin && latin.length > 1 && !lexicon.stopEn.has(latin)) units.push({ text: latin, forms: [latin], kind: 'latin' });
  }
  for (const u of units) if (u.kind === 'han') expansions.push(...u.forms.slice(1));
  const wantsNumber = WANTS_NUMBER.test(normalized);
  const expects = WANTS_PERSON.test(normalized) ? 'person' : WANTS_DATE.test(normalized) ? 'date' : wantsNumber ? 'number' : null;
  return { normalized, units, expansions, required: [...new Set(required)], wantsNumber, wantsList: WANTS_LIST.test(normalized), expects };
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

/**
 * Pinyin input makes homophone typos (行政复义 for 行政复议, 带款 for 贷款). A word with a
 * bigram the report never uses gets, as an alternative form, the same word with that bigram
 * replaced by a report bigram that sounds the same.
 */
function withHomophones(unit: QueryUnit, lexicon: Lexicon): QueryUnit {
  const chars = [...unit.text];
  if (chars.length < 2) return unit;
  let changed = false;
  for (let i = 0; i + 1 < chars.length; i++) {
    const bigram = chars[i]! + chars[i + 1]!;
    if (lexicon.bigrams.has(bigram)) continue;
    const match = lexicon.homophones.get(pinyinKey(bigram))?.[0];
    if (match) {
      [chars[i], chars[i + 1]] = [...match] as [string, string];
      changed = true;
    }
  }
  return changed ? { ...unit, forms: [...unit.forms, chars.join('')] } : unit;
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
