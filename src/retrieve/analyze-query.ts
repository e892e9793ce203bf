import { chineseValue } from '../text/extract-numbers.js';
import { normalizeForMatch } from '../text/normalize.js';
import { occurrences } from '../text/tokenize.js';
import { askedTarget, isAskWord, ACTION_HEAD, ASKED_AS, type AskedTarget } from './asked-target.js';
import { cutGlossary } from './cut-glossary.js';
import { relativeYears } from './relative-years.js';
import { FRAME_TOTALS, placeLightWords, type GlossaryEntry, type Lexicon } from './lexicon.js';
import type { QuestionIntent } from './question-intent.js';
import { cutOut, segmentWords, trimStopChars, withHomophones, type QueryUnit } from './question-words.js';

export { formGrams, type QueryUnit } from './question-words.js';

export interface QueryAnalysis {
  normalized: string;
  units: QueryUnit[];
  /** Report wording added by the glossary, appended to the full-text query. */
  expansions: string[];
  /** Numbers (incl. years other than the report's own) and places the report never names, that the evidence must contain verbatim. */
  required: string[];
  /** Other places the report names (泉州) that the question names: the answering sentence must name them too. */
  places: string[];
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
  /**
   * The noun a list question asks its items as (有哪几种做法 → 做法, 都有什么功能 → 功能): it says what kind of
   * answer is wanted, so a sentence need not hold it, though one that does (65 个功能模块) may be the answer.
   */
  askedAs: string | null;
  /**
   * Negated conditions on the asked figure (有几个领导不合格 → 不合格) that no glossary word reads
   * (不罚 is the report's 不予处罚): a figure answers only from a sentence that states the condition.
   */
  conditions: string[];
  /**
   * Figures the question states roughly in words (那一百多场里 → 100–199, 将近17万 is digits and in
   * `required`): a figure of the report in such a range is the one the question refers to, not an answer.
   */
  approximate: RoughFigure[];
  /**
   * Figures the citizen says they heard (听说有300多件？, 听说发了20亿): not required of the answer, which tells the
   * report's own figure; a yes is given only where the sentence states them.
   */
  claimed: string[];
}

const NUMBER = /\d+(?:\.\d+)?/gu;
/** Characters and words that ask (谁, 哪, 几, 什么, 多少, 吗). */
const QUESTION_WORD = /[谁哪几吗]|什么|多少/u;
const YEAR = /^(?:19|20)\d{2}$/u;

/**
 * The requirements of a question by kind: years (2022: another year than the report's), figures
 * it quotes from the report (那 5500 件), and places the report never names (晋江).
 */
export function requiredParts(required: readonly string[]): { years: string[]; figures: string[]; places: string[] } {
  const numbers = required.filter((n) => /^\d/u.test(n));
  return {
    years: numbers.filter((n) => YEAR.test(n)),
    figures: numbers.filter((n) => !YEAR.test(n)),
    places: required.filter((n) => !/^\d/u.test(n)),
  };
}

/**
 * Read a question: glossary phrases become units with report wording as alternatives,
 * the rest is segmented into content words (question words dropped, runs of single
 * characters merged back, since Intl.Segmenter splits 复议 → 复 / 议), and numbers become
 * hard requirements. The report's own year is implied and never required.
 */
export function analyzeQuery(question: string, lexicon: Lexicon, subjectYear: number): QueryAnalysis {
  // Matching only: a real-word homophone typo (只是产权) is read as the report's term (知识产权).
  const normalized = lexicon.soundAlikes.repair(normalizeForMatch(question));
  // What the question sets aside (除了村里，…) is not what the answer must be about: no unit of it.
  // How many people…: people is how they are counted (多少人), not a word the answer must hold (群众).
  // (I heard, someone told me: how the citizen knows, not what they ask about; 审理 is a court's hearing.)
  const wording = lexicon.intent
    .withoutExcluded(normalized)
    .replace(/\bhow many (?:people|persons|individuals|residents)\b/gu, 'how many')
    .replace(EN_HEARSAY, ' ');
  // 一共建了多少个: the total asked (一共) is no part of a vocabulary word after it (共建).
  // 哪几件大事: the big things asked are items (事), not 重大事项.
  const framed = FRAME_TOTALS.reduce((text, w) => text.replaceAll(w, ' '), placeLightWords(wording, lexicon)).replace(
    /(哪几|几|哪些|什么)(件|项)?大事/gu,
    '$1$2事',
  );
  const { rest, entries } = cutGlossary(opensWithFuture(framed), lexicon);
  const units: QueryUnit[] = entries.map((entry) => ({ text: entry.user, forms: [entry.user, ...entry.report], kind: 'glossary' }));
  const expansions = entries.flatMap((entry) => entry.report);
  // From the whole question: a citizen word that holds a number (2024年计划) must not swallow it.
  // A figure the citizen only heard (听说发了20亿？) is a claim to check against the report, not a figure it must state.
  const heard = hearsaySpans(normalized);
  const numbers = [...normalized.matchAll(NUMBER)].filter((m) => m[0] !== String(subjectYear));
  const claimed = numbers.filter((m) => heard.some(([from, to]) => m.index >= from && m.index < to)).map((m) => m[0]);
  const required = numbers.map((m) => m[0]).filter((n) => !claimed.includes(n) || YEAR.test(n));
  // 前年 is a year like 2022, asked for as plainly.
  required.push(...relativeYears(normalized, lexicon.relativeYears, subjectYear));
  // Another city or district (晋江市…): the evidence must name it, and this report never does.
  required.push(...lexicon.otherPlaces.filter((place) => cutOut(normalized, place) !== null).map((place) => place.user));
  for (const [, han, latin] of rest.matchAll(/(\p{Script=Han}+)|([a-z][a-z'-]*)/gu)) {
    if (han) units.push(...hanUnits(han, lexicon).map((u) => withHomophones(u, lexicon)));
    else if (latin && latin.length > 1 && !lexicon.stopEn.has(latin)) units.push({ text: latin, forms: [latin], kind: 'latin' });
  }
  for (const u of units) if (u.kind === 'han') expansions.push(...u.forms.slice(1));
  // A report name that holds a question word (谁执法谁普法) is a name, as a quoted one is, not a question.
  const named = entries.filter((e) => e.report.some((r) => QUESTION_WORD.test(r)) && QUESTION_WORD.test(e.user));
  const intent = lexicon.intent.read(named.reduce((q, e) => q.replaceAll(e.user, '“”'), normalized));
  const wantsThings = intent.list && !ACTION_HEAD.test(normalized);
  return {
    normalized,
    units,
    expansions,
    required: [...new Set(required)],
    places: lexicon.namedPlaces.filter((place) => cutOut(normalized, place) !== null).map((place) => place.user),
    wantsList: intent.list,
    wantsThings,
    intent,
    target: askedTarget(normalized, lexicon),
    askedAs: ASKED_AS.exec(normalized)?.[1] ?? null,
    conditions: unglossed(lexicon.intent.conditions(normalized), normalized, entries),
    approximate: approximateFigures(normalized, heard),
    claimed: [...new Set(claimed)],
  };
}

/**
 * 以后 opening a clause is the future (以后办事是不是都能在手机上办: the report's plans, 今后); after a word it is
 * "after" (复议以后, 做完以后), a frame word.
 */
function opensWithFuture(text: string): string {
  return text.replace(/(^|[，,。？?！!；;\s])((?:那|请问|那么)?)以后/gu, '$1$2今后');
}

/** Words that introduce what the citizen heard or believes (听说, 据说, 好像): the clause after them is a claim. */
/** How a citizen says they heard something in English (I heard, we were told, my neighbour said). */
const EN_HEARD = String.raw`\b(?:i|we) (?:have |'ve )?(?:heard|read|was told|were told)\b|\b(?:someone|people|they|a friend|my friend|my neighbou?r) (?:said|say|says|told me)\b`;
/** The English hearsay words, with a following "that": no topic of the question. */
const EN_HEARSAY = new RegExp(String.raw`(?:${EN_HEARD})(?: that\b)?`, 'gu');
const HEARSAY = new RegExp(
  `${EN_HEARD}|听说|听人说|听人讲|据说|有人说|网上说|听讲|好像|好象|记得|(?:邻居|朋友|同事|亲戚|家里人|别人|人家|大家|新闻上?|报道|报纸上?|群里|网上)(?:都)?(?:说|讲)`,
  'gu',
);

/** Where the question's claims run: from each hearsay word to the end of its sentence (a ？ or 。 ends it). */
function hearsaySpans(question: string): [number, number][] {
  return [...question.matchAll(HEARSAY)].map((m) => {
    const end = question.slice(m.index).search(/[?？。!！]/u);
    return [m.index, end < 0 ? question.length : m.index + end];
  });
}

/** A range a figure of the question is said in; a loose one (那几家) need not be told with the answer. */
export interface RoughFigure {
  min: number;
  max: number;
  loose?: true;
}

/** Words before a rough figure that make it the citizen's guess at the answer (好像九十几), not a figure they refer to. */
const GUESS = /(?:好像|好象|似乎|记得|印象中|应该是|是不是)\s*$/u;

/** A number in Chinese words said roughly: 一百多, 五千余, 近两万, 十来, 十几万, 二十几. */
const ROUGH = /(近|将近|接近|约|大约)?([一二两三四五六七八九十百千万]+)(多|余|来|几)?([十百千万]?)/gu;

/** 那几百场, 这几十件, 那几家, 好几千件: a few of something the citizen points back at, its size said by 几 alone. */
const POINTED_FEW = /[那这](?:么)?几([十百千万]?)|好几([十百千万])/gu;

/**
 * The ranges of the figures a question states roughly in words (一百多 → 100–199, 将近两万 → 16,000–20,000,
 * 十几万 → 110,000–199,999, 那几十件 → 10–99, 那几家 → 2–9). A figure the citizen only heard (听说…十几个亿)
 * or guesses (好像九十几) is not one they refer to.
 */
function approximateFigures(question: string, heard: [number, number][]): RoughFigure[] {
  const said = (index: number) =>
    !heard.some(([from, to]) => index >= from && index < to) && !GUESS.test(question.slice(Math.max(0, index - 4), index));
  const ranges: RoughFigure[] = [];
  for (const { 1: near, 2: words, 3: more, 4: scale, index } of question.matchAll(ROUGH)) {
    if ((!near && !more) || !said(index)) continue;
    // 十几 is 11–19, 二十几万 is 210,000–299,999; 几 after a numeral is its last digit, unknown.
    const value = Number(chineseValue(words! + (more === '几' ? '' : scale!)));
    if (!(value >= 10)) continue;
    const unit = more === '几' ? Number(chineseValue(scale || '一')) : 1;
    // The place of its last digit: 一百多 is 100–199, 一百二十多 is 120–129.
    let place = 1;
    while (value % (place * 10) === 0) place *= 10;
    const range = near
      ? { min: Math.floor(value * 0.8), max: value }
      : more === '几'
        ? { min: (value + 1) * unit, max: (value + 9) * unit }
        : { min: value, max: value + place - 1 };
    ranges.push(range);
    // The report writes figures in 万 as a number before 万 (近 17 万户): the same range in those units.
    if (range.min >= 10_000) ranges.push({ min: range.min / 10_000, max: range.max / 10_000 });
  }
  for (const { 1: pointed, 2: many, index } of question.matchAll(POINTED_FEW)) {
    const scale = pointed ?? many ?? '';
    // (那几个…省了多少钱 names no size; the ask itself, 几个, is not pointed back at.)
    const rest = question.slice(index + 2 + scale.length);
    if (/^\s*(?:个|家|件|项|条|张|名|人|位|次|场|份|台)?\s*[?？]?$/u.test(rest)) continue;
    // (A part asked of what someone said, 朋友说…好几千件…里面…有多少件, is asked of it all the same.)
    if (!said(index) && !/里面|里头|当中|其中/u.test(rest)) continue;
    const unit = Number(chineseValue(scale || '一'));
    // (那几张清单 may point at a count the report only names, 四张清单: such a figure is not an answer, but it need not be told.)
    ranges.push(scale ? { min: unit, max: unit * 10 - 1 } : { min: 2, max: 9, loose: true });
  }
  return ranges;
}

/** The conditions whose negation is not inside a word the glossary read (不罚, 不予处罚). */
function unglossed(conditions: { text: string; at: number }[], question: string, entries: GlossaryEntry[]): string[] {
  const inWord = (at: number) => entries.some(({ user }) => occurrences(question, user).some((i) => i <= at && at < i + user.length));
  return conditions.filter(({ at }) => !inWord(at)).map((c) => c.text);
}

/** A number in Chinese words with a place (两百, 十几万, 三千多, 十几个): a quantity. */
const QUANTITY = /^[一二两三四五六七八九十几]*[十百千万亿][一二两三四五六七八九十百千万亿几多余来]*[个件家项条名位次场份台]?$/u;

function hanUnits(run: string, lexicon: Lexicon): QueryUnit[] {
  const units: QueryUnit[] = [];
  let singles = '';
  const flush = () => {
    if (singles) units.push({ text: singles, forms: [singles], kind: 'han' });
    singles = '';
  };
  for (const segment of segmentWords(run, lexicon)) {
    const word =
      lexicon.stopZh.has(segment) || isAskWord(segment, lexicon) ? '' : trimStopChars(withoutCount(segment, lexicon), lexicon.particles);
    // A quantity in words (两百多, 十几万) is a figure, not a topic: the report writes its figures in digits.
    if (!word || lexicon.stopZh.has(word) || !/\p{Script=Han}/u.test(word) || QUANTITY.test(word)) {
      flush();
    } else if (lexicon.intent.isCounter(word) && !(singles && [...word].length === 1)) {
      // A lone measure word (多少家, 几件) says how something is counted, not what; after a lone
      // character it ends a word the segmenter did not know (律 / 所 → 律所).
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

/**
 * The segmenter glues the question's count onto its noun (几件事, 几种办法): 几 and its measure
 * word ask how many, what is left names the thing; a lone character left (事, 样) names nothing.
 */
function withoutCount(segment: string, lexicon: Lexicon): string {
  // 20多个 / 100余件: what follows a figure's 多 is its measure word, nothing more.
  if (/^[多余来]/u.test(segment) && lexicon.intent.isCounter(segment.slice(1))) return '';
  if (!segment.startsWith('几')) return segment;
  for (const size of [2, 1]) {
    const counter = segment.slice(1, 1 + size);
    if (counter.length !== size || !lexicon.intent.isCounter(counter)) continue;
    const rest = segment.slice(1 + size);
    return [...rest].length > 1 ? rest : '';
  }
  return segment;
}
