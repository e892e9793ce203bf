import { hanBigrams } from '../text/tokenize.js';
import { normalizeForMatch } from '../text/normalize.js';
import { pinyinKey, type Lexicon } from './lexicon.js';
import type { QuestionIntent } from './question-intent.js';

/** One piece of meaning in a question that a paragraph must cover to answer it. */
export interface QueryUnit {
  text: string;
  /** Alternative phrasings; the unit is covered by the best-covered one. Each is matched by its character bigrams. */
  forms: string[];
  kind: 'han' | 'latin' | 'glossary';
  /** Forms from this index on are homophone guesses at a typo. */
  guessesFrom?: number;
}

export interface QueryAnalysis {
  normalized: string;
  units: QueryUnit[];
  /** Report wording added by the glossary, appended to the full-text query. */
  expansions: string[];
  /** Numbers (incl. years other than the report's own) and places the report never names, that the evidence must contain verbatim. */
  required: string[];
  /** The question asks for a quantity, so sentences with numbers are preferred. */
  wantsNumber: boolean;
  /** The question asks for several things (哪些, 哪几, 有什么措施, what are): quote the whole enumeration. */
  wantsList: boolean;
  /** What is asked: the kinds of answer, and what the quoted sentence must hold. */
  intent: QuestionIntent;
  /** A list question asks for named things (哪几家, 哪些企业, 具体是哪些), not for what was done (有哪些措施). */
  wantsThings: boolean;
  /**
   * The thing a figure or a choice is asked about, next to the question word: 多少家企业 → 企业,
   * 纠错率是多少 → 纠错率, 哪几家银行 → 银行. The sentence that answers must name it near its figure.
   */
  target: AskedTarget | null;
}

/** What a question asks about, as its words: all of them count, the rarer the more. */
export interface AskedTarget {
  text: string;
  units: QueryUnit[];
  /** Named next to the figure (多少家企业, 3 个调解室), not as the clause before the question word (…兑现了多少钱). */
  counted: boolean;
}

/** What a list question names when it asks what was done or planned, not which things. */
const ACTION_HEAD = /(?:哪些|哪几(?:个|项|种|条)?|什么|啥)(?:措施|举措|做法|打算|安排|工作|内容|方面|改革|事情|事|计划|变化|活动|服务|功能|改变|招|办法|特色|特点|手续|规定|制度|机制|模式|不足|问题)|(?:做|干|搞|改|办|打算做|要做)了?(?:些|哪些)?(?:什么|啥|哪些)|\bwhat (?:did|does|will|do)\b|\bwhat (?:measures|steps|plans|reforms|activities|services|features|problems|shortcomings)\b/u;

/** Words that name a measure, a time or a kind of item, not a thing: 比例 in 出庭的比例有多高 says nothing about what is counted. */
const GENERIC_TARGET = /^(?:比例|比率|数量|数字|数目|总数|总量|金额|钱|人数|次数|件数|个数|家数|规模|时间|多少|情况|结果|一共|总共|大概|大约|到底|究竟|具体|现在|目前|去年|今年|最后|最终|后来|当时|平均|一般|通常|特点|特色|方面|措施|举措|做法|地方|内容|方式|途径|办法|功能|种类|类型|东西|事情|部分|名字|名称|部门|单位|机关|机构|地方)$/u;
/** After 多少/几/哪个 (and a measure word): the words up to the next particle. */
const AFTER_ASK = /(?:多少|几|多大|多高|哪(?=[个家位所种类]))(?:钱)?/gu;
/** Before 是多少 / 有几 / 输了几件: the words back to the previous punctuation. */
const BEFORE_ASK = /(\p{Script=Han}+?)((?:到底|究竟|大概|大约|一共|总共|共|是|有|为|达到|达)*)(?:多少|几|多高|多大|多长|多久)/u;
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
    // Han terms match anywhere (a plain substring test, the common case); Latin ones as whole words.
    if (entry.latin) {
      if (!rest.includes(entry.user)) continue;
      const pattern = glossaryPattern(entry.user);
      if (!pattern.test(rest)) continue;
      rest = rest.replace(pattern, ' ');
    } else {
      if (!rest.includes(entry.user)) continue;
      rest = rest.replaceAll(entry.user, ' ');
    }
    units.push({ text: entry.user, forms: [entry.user, ...entry.report], kind: 'glossary' });
    expansions.push(...entry.report);
  }
  // From the whole question: a citizen word that holds a number (2024年计划) must not swallow it.
  const required = [...normalized.matchAll(NUMBER)].map((m) => m[0]).filter((n) => n !== String(subjectYear));
  // Another city or district (晋江市…): the evidence must name it, and this report never does.
  required.push(...lexicon.otherPlaces.filter((p) => p.pattern.test(normalized)).map((p) => p.name));
  for (const [, han, latin] of rest.matchAll(/(\p{Script=Han}+)|([a-z][a-z'-]*)/gu)) {
    if (han) units.push(...hanUnits(han, lexicon).map((u) => withHomophones(u, lexicon)));
    else if (latin && latin.length > 1 && !lexicon.stopEn.has(latin)) units.push({ text: latin, forms: [latin], kind: 'latin' });
  }
  for (const u of units) if (u.kind === 'han') expansions.push(...u.forms.slice(1));
  const intent = lexicon.intent.read(normalized);
  const wantsNumber = intent.expects.some((k) => k !== 'person' && k !== 'place' && k !== 'procedure');
  const wantsThings = intent.list && !ACTION_HEAD.test(normalized);
  return { normalized, units, expansions, required: [...new Set(required)], wantsNumber, wantsList: intent.list, wantsThings, intent, target: askedTarget(normalized, lexicon) };
}

/**
 * The thing a 多少/几 question counts (多少家小企业 → 企业, 哪几家银行 → 银行) or, before
 * 是多少 / 有几, the thing measured (行政复议的纠错率是多少 → 纠错率): the content words next to
 * the question word, each with its glossary wording and homophones. Stop words and words that
 * only name a measure (比例, 数量) are not a target.
 */
function askedTarget(normalized: string, lexicon: Lexicon): AskedTarget | null {
  const english = EN_COUNTED.exec(normalized)?.[1] ?? EN_MEASURED.exec(normalized)?.[1];
  if (english) return englishTarget(english, lexicon);
  let words: string[] = [];
  let which = false;
  let counted = true;
  for (const m of normalized.matchAll(AFTER_ASK)) {
    let rest = normalized.slice(m.index + m[0].length);
    const counter = lexicon.intent.counters.exec(rest);
    if (counter) rest = rest.slice(counter[0].length);
    // The counted noun phrase ends at an aspect particle or the end of the clause; its head follows the last 的.
    const clause = /^[^，。？?！!；;,了过着吗呢]*/u.exec(rest)![0];
    // 哪几种审计来管… asks which kinds of 审计: the word right after the measure word.
    const asksWhich = m[0].startsWith('哪') || normalized[m.index - 1] === '哪';
    which ||= asksWhich;
    // The counted noun comes first after the measure word (多少个行政执法单位开展…), after any 的-modifier.
    // (多少件是靠商会调解解决的: the words before a closing 的.)
    words = contentWords(asksWhich ? clause : (clause.replace(/^是/u, '').split('的').filter(Boolean).pop() ?? ''), lexicon).slice(0, 1);
    // Only the first ask: 解决了几件？还有几件在处理？ counts two things, and the first one leads the answer.
    break;
  }
  // 哪几个特点: a which-question about a generic head (特点, 方面) names no thing to look for.
  if (!words.length && !which) {
    // Before 是多少: the measured thing ends the clause (…的纠错率是多少, 官司输了几件): its last content words.
    const match = BEFORE_ASK.exec(normalized);
    const before = match?.[1];
    // 企业加个体户一共有多少户: a subject, counted by the figure; 兑现了多少钱 / 输了几件: an action, told by its sentence.
    counted = Boolean(match?.[2]) && !/[了过]$/u.test(before ?? '');
    // (审合同的有多少件: the words before a closing 的.)
    if (before) words = contentWords((before.split(/[，,。；;]/u).pop() ?? '').split('的').filter(Boolean).pop() ?? '', lexicon).slice(-3);
  }
  if (!words.length) return null;
  const units = words.map(function targetWord(w): QueryUnit {
    // The word as the vocabulary reads it, or a citizen word making up half of it (起诉 in 法院起诉), not less (决策 in 重大行政决策).
    const report = lexicon.glossary.filter((e) => w.includes(e.user) && 2 * e.user.length >= w.length).flatMap((e) => e.report);
    return withHomophones({ text: w, forms: [w, ...report], kind: report.length ? 'glossary' : 'han' }, lexicon);
  });
  return { text: words.join(''), units, counted };
}

/** How many X / how much X, up to the verb: what an English question counts. */
const EN_COUNTED = /\bhow (?:many|much)\s+([a-z][a-z' -]*?)\s+(?:are|were|is|was|did|do|does|have|has|had|got|get|can|could|will|in|on|for|of|at|from|by|to|did)\b/u;

/** What is the X rate / number / amount …: the measured thing of an English question. */
const EN_MEASURED = /\bwhat(?:'s| is| was| were| are)? (?:the )?([a-z' -]+? (?:rate|percentage|share|number|amount|total))\b/u;

/**
 * The counted thing of an English question, read through the vocabulary (volunteers → 志愿者);
 * a word it does not know stays as written, which no Chinese sentence covers.
 */
function englishTarget(phrase: string, lexicon: Lexicon): AskedTarget | null {
  const words = phrase.split(/\s+/u).filter((w) => w.length > 1 && !lexicon.stopEn.has(w));
  if (!words.length) return null;
  // Each vocabulary phrase in it is one thing to find (city government's loss rate → 市政府, 败诉率), longest first.
  let rest = phrase;
  const units: QueryUnit[] = [];
  for (const e of lexicon.glossary) {
    if (!e.latin || !rest.includes(e.user)) continue;
    const re = glossaryPattern(e.user);
    if (!re.test(rest)) continue;
    rest = rest.replace(re, ' ');
    units.push({ text: e.user, forms: e.report, kind: 'glossary' });
  }
  for (const w of rest.split(/\s+/u)) if (/^[a-z]{2,}/u.test(w) && !lexicon.stopEn.has(w)) units.push({ text: w, forms: [w], kind: 'latin' });
  return units.length ? { text: phrase, units, counted: true } : null;
}

/**
 * Words of two characters or more that carry content: not question words, particles or measure
 * names. Single characters the segmenter split off a word it did not know (模 / 块) are joined.
 */
function contentWords(run: string, lexicon: Lexicon): string[] {
  const words: string[] = [];
  let singles = '';
  const flush = () => {
    if ([...singles].length >= 2) words.push(singles);
    singles = '';
  };
  for (const segment of segmentWords(run, lexicon)) {
    const w = trimStopChars(segment, lexicon.particles);
    const stop = !/\p{Script=Han}/u.test(w) || lexicon.stopZh.has(w) || lexicon.particles.has(w) || isAskWord(w, lexicon) || lexicon.intent.isCounter(w);
    if (!stop && [...w].length === 1) {
      singles += w;
      continue;
    }
    flush();
    if (!stop && !GENERIC_TARGET.test(w)) words.push(w);
  }
  flush();
  return words.filter((w) => !GENERIC_TARGET.test(w));
}

/**
 * Words of a Han run: the report's own terms (longest first, from the vocabulary) kept whole,
 * the rest by Intl.Segmenter, which cuts domain words badly (复议案件 → 复 / 议案 / 件).
 */
export function segmentWords(run: string, lexicon: Pick<Lexicon, 'terms'>): string[] {
  const words: string[] = [];
  let gap = '';
  const flush = () => {
    if (gap) for (const { segment } of segmenter.segment(gap)) words.push(segment);
    gap = '';
  };
  for (let i = 0; i < run.length; ) {
    const term = lexicon.terms.longestAt(run, i);
    if (term) {
      flush();
      words.push(term);
      i += term.length;
    } else gap += run[i++];
  }
  flush();
  return words;
}

function hanUnits(run: string, lexicon: Lexicon): QueryUnit[] {
  const units: QueryUnit[] = [];
  let singles = '';
  const flush = () => {
    if (singles) units.push({ text: singles, forms: [singles], kind: 'han' });
    singles = '';
  };
  for (const segment of segmentWords(run, lexicon)) {
    const word = lexicon.stopZh.has(segment) || isAskWord(segment, lexicon) ? '' : trimStopChars(segment, lexicon.particles);
    if (!word || lexicon.stopZh.has(word) || !/\p{Script=Han}/u.test(word)) {
      flush();
    } else if (lexicon.intent.isCounter(word)) {
      // A lone measure word (多少家, 几件) says how something is counted, not what.
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

const NOT_LEADING = new Set(['的', '地', '得']);

/** 多少个, 几件, 哪家: a question word with a measure word is part of the question, not its topic. */
function isAskWord(word: string, lexicon: Lexicon): boolean {
  const rest = /^(?:多少|几|哪)(.*)$/u.exec(word)?.[1];
  return rest !== undefined && (rest === '' || lexicon.intent.isCounter(rest));
}

/** Intl.Segmenter glues particles onto words (讲的, 都在); drop question-frame characters at either end. */
function trimStopChars(segment: string, stop: Set<string>): string {
  const chars = [...segment];
  // 的/地/得 open real words (地方, 得到, 的确): only particles that precede a word are trimmed at the start.
  while (chars.length > 1 && stop.has(chars[0]!) && !NOT_LEADING.has(chars[0]!)) chars.shift();
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
  // Each unknown bigram may sound like several report bigrams (zhi yuan: 执源, 志愿): one form per choice.
  let forms = [chars];
  for (let i = 0; i + 1 < chars.length; i++) {
    const bigram = chars[i]! + chars[i + 1]!;
    if (lexicon.bigrams.has(bigram)) continue;
    const matches = lexicon.homophones.get(pinyinKey(bigram))?.slice(0, 3) ?? [];
    if (!matches.length) continue;
    forms = forms.flatMap((f) => (lexicon.bigrams.has(f[i]! + f[i + 1]!) ? [f] : matches.map((m) => [...f.slice(0, i), ...m, ...f.slice(i + 2)]))).slice(0, 6);
  }
  const extra = forms.map((f) => f.join('')).filter((f) => f !== unit.text);
  return extra.length ? { ...unit, forms: [...unit.forms, ...extra], guessesFrom: unit.forms.length } : unit;
}

/** Bigrams of a form: Han bigrams, or the whole form for Latin words and numbers. */
export function formGrams(form: string): string[] {
  return /\p{Script=Han}/u.test(form) ? form.split(/[^\p{Script=Han}]+/u).filter(Boolean).flatMap(hanBigrams) : [form];
}

const patterns = new Map<string, RegExp>();
/** Latin glossary terms match whole words only (`sue` is not in `issued`). */
function glossaryPattern(term: string): RegExp {
  let re = patterns.get(term);
  if (!re) {
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(`(?<![a-z])${escaped}(?![a-z])`, 'g');
    patterns.set(term, re);
  }
  re.lastIndex = 0;
  return re;
}
