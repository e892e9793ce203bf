import { cutGlossary, glossaryIn } from './cut-glossary.js';
import type { Lexicon } from './lexicon.js';
import { segmentWords, trimStopChars, withHomophones, type QueryUnit } from './question-words.js';

/** What a question asks about, as its words: all of them count, the rarer the more. */
export interface AskedTarget {
  text: string;
  units: QueryUnit[];
  /** Named next to the figure (多少家企业, 3 个调解室), not as the clause before the question word (…兑现了多少钱). */
  counted: boolean;
  /** The word before 的 that says which kind of the asked thing (知识产权的案子 → 知识产权), with its report wording. */
  modifier?: QueryUnit;
}

/** Nouns for what was done or planned (措施, 做法, 功能), as a list question names its items. */
const ACTION_NOUNS =
  '措施|举措|做法|打算|安排|工作|内容|方面|改革|事情|事|计划|变化|活动|服务|功能|改变|招|办法|特色|特点|手续|规定|制度|机制|模式';

/** The noun a list question asks its items as (哪几种做法 → 做法): what kind of answer, not what it is about. */
export const ASKED_AS = new RegExp(`(?:哪些|哪几(?:个|项|种|条)?|什么|啥)(${ACTION_NOUNS})`, 'u');

/** What a list question names when it asks what was done or planned, not which things. */
export const ACTION_HEAD = new RegExp(
  `(?:哪些|哪几(?:个|项|种|条)?|什么|啥)(?:${ACTION_NOUNS})|` +
    String.raw`(?:做|干|搞|改|办|打算做|要做)了?(?:些|哪些)?(?:什么|啥|哪些)|\bwhat (?:did|does|will|do)\b|\bwhat (?:measures|steps|plans|reforms|activities|services|features|problems|shortcomings)\b`,
  'u',
);

/** Words that name a measure, a time or a kind of item, not a thing: 比例 in 出庭的比例有多高 says nothing about what is counted. */
const GENERIC_TARGET =
  /^(?:比例|比率|数量|数字|数目|总数|总量|金额|钱|人数|次数|件数|个数|家数|规模|时间|多少|情况|结果|一共|总共|大概|大约|到底|究竟|具体|现在|目前|去年|今年|最后|最终|后来|当时|平均|一般|通常|特点|特色|方面|措施|举措|做法|地方|内容|方式|途径|办法|功能|种类|类型|东西|事情|部分|名字|名称|部门|单位|机关|机构|地方|事项|月份|年份|日期|大事|要事)$/u;
/** After 多少/几/哪个 (and a measure word): the words up to the next particle. */
const AFTER_ASK = /(?:多少|几|多大|多高|哪(?=[个家位所种类]))(?:钱)?/gu;
/** Before 是多少 / 有几 / 输了几件 / 化解了百分之多少: the words back to the previous punctuation. */
const BEFORE_ASK =
  /(\p{Script=Han}+?)((?:到底|究竟|大概|大约|一共|总共|共|是|有|为|达到|达)*)(?:百分之|百分比|占比)?(?:多少|几|多高|多大|多长|多久)/u;
/**
 * The thing a 多少/几 question counts (多少家小企业 → 企业, 哪几家银行 → 银行) or, before
 * 是多少 / 有几, the thing measured (行政复议的纠错率是多少 → 纠错率): the content words next to
 * the question word, each with its glossary wording and homophones. Stop words and words that
 * only name a measure (比例, 数量) are not a target.
 */
export function askedTarget(normalized: string, lexicon: Lexicon): AskedTarget | null {
  const english = EN_COUNTED.exec(normalized)?.[1] ?? EN_MEASURED.exec(normalized)?.[1];
  if (english) return englishTarget(english, lexicon);
  let words: string[] = [];
  let modifierWord: string | undefined;
  let which = false;
  let counted = true;
  for (const m of normalized.matchAll(AFTER_ASK)) {
    // 那几张清单…省了多少钱: 那几/这几 points back at things ("those few"); the ask comes later.
    if (/[那这]$/u.test(normalized.slice(0, m.index)) && /多少|几/u.test(normalized.slice(m.index + m[0].length))) continue;
    // 发了多少钱给企业: what follows 多少钱 is whom it went to; the money is what is asked.
    if (m[0].endsWith('钱')) break;
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
    // (有多少个一把手上台汇报…的情况: a head that only names a kind of thing, 情况 or 措施, leaves it to the words before 的.)
    const parts = asksWhich ? [clause] : clause.replace(/^是/u, '').split('的').filter(Boolean);
    while (parts.length && !words.length) words = contentWords(parts.pop()!, lexicon).slice(0, 1);
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
    // (出庭的比例是多少, 输掉的比例: when the last part names only a measure, the measured thing is the part before 的.)
    const parts = (before?.split(/[，,。；;]/u).pop() ?? '').split('的').filter(Boolean);
    while (parts.length && !words.length) words = contentWords(parts.pop()!, lexicon).slice(-3);
    // 知识产权的案子…判了多少件: what comes before 的 says which kind of 案子 is counted.
    modifierWord = parts.length ? contentWords(parts[parts.length - 1]!, lexicon).pop() : undefined;
  }
  if (!words.length) return null;
  const targetWord = function targetWord(w: string): QueryUnit {
    // The word as the vocabulary reads it, or a citizen word making up half of it (起诉 in 法院起诉), not less (决策 in 重大行政决策).
    const report = glossaryIn(w, lexicon)
      .filter((e) => 2 * e.user.length >= w.length)
      .flatMap((e) => e.report);
    return withHomophones({ text: w, forms: [w, ...report], kind: report.length ? 'glossary' : 'han' }, lexicon);
  };
  const units = words.map(targetWord);
  // (Its text names it once: 政府法律顾问一年顾问费 asks about 政府法律顾问, not …顾问顾问.)
  const text = words.filter((w, i) => !words.slice(0, i).some((p) => p.includes(w))).join('');
  return { text, units, counted, ...(modifierWord ? { modifier: targetWord(modifierWord) } : {}) };
}

/** How many X / how much X, up to the verb: what an English question counts. */
const EN_COUNTED =
  /\bhow (?:many|much)\s+([a-z][a-z' -]{0,40}?)(?=\s+(?:are|were|is|was|did|do|does|have|has|had|got|get|can|could|will|joined|held|received|made|took|gave|in|on|for|of|at|from|by|to|and)\b|\s*[,?.!]|$)/u;

/** Words that open the clause before a question word without naming anything (一共建了几个). */
const FRAME_OPENERS = ['那', '这', '一共', '总共', '共计', '大概', '大约', '一起', '一块儿', '一块', '到底', '究竟'];

/** What is the X rate / number / amount …: the measured thing of an English question. */
const EN_MEASURED = /\bwhat(?:'s| is| was| were| are)? (?:the )?([a-z' -]+? (?:rate|percentage|share|number|amount|total))\b/u;

/**
 * The counted thing of an English question, read through the vocabulary (volunteers → 志愿者).
 * An English word the vocabulary does not know can never be found in a Chinese sentence, so it
 * says nothing about whether the report answers: only the words the vocabulary reads are checked.
 */
function englishTarget(phrase: string, lexicon: Lexicon): AskedTarget | null {
  // How many people volunteer…: people is what is counted (多少人), as 人 is, not a thing to find (群众).
  phrase = phrase.replace(/^(?:people|persons|individuals|residents)\b\s*/u, '');
  // A phrase of stop words only (people, times) names nothing to look for.
  if (!phrase.split(/\s+/u).some((w) => w.length > 1 && !lexicon.stopEn.has(w))) return null;
  // Each vocabulary phrase in it is one thing to find (city government's loss rate → 市政府, 败诉率), longest first.
  const { entries } = cutGlossary(phrase, lexicon, (e) => e.latin);
  const units = entries.map((e): QueryUnit => ({ text: e.user, forms: e.report, kind: 'glossary' }));
  return units.length ? { text: phrase, units, counted: true } : null;
}

/**
 * Words of two characters or more that carry content: not question words, particles or measure
 * names. Single characters the segmenter split off a word it did not know (模 / 块) are joined.
 */
function contentWords(run: string, lexicon: Lexicon): string[] {
  // Question frame at the start (一共建了 → 建了): cut before the segmenter glues it to the next word (一 / 共建).
  for (let cut = true; cut; ) {
    cut = false;
    for (const stop of FRAME_OPENERS) {
      if (!run.startsWith(stop)) continue;
      run = run.slice(stop.length);
      cut = true;
    }
  }
  const words: string[] = [];
  let singles = '';
  const flush = () => {
    if ([...singles].length >= 2) words.push(singles);
    singles = '';
  };
  for (const segment of segmentWords(run, lexicon)) {
    const w = trimStopChars(segment, lexicon.particles);
    const stop =
      !/\p{Script=Han}/u.test(w) ||
      lexicon.stopZh.has(w) ||
      lexicon.particles.has(w) ||
      isAskWord(w, lexicon) ||
      lexicon.intent.isCounter(w);
    // A measure word right after a lone character ends a word the segmenter did not know (律 / 所 → 律所).
    if ([...w].length === 1 && (!stop || (singles && lexicon.intent.isCounter(w)))) {
      singles += w;
      continue;
    }
    flush();
    if (!stop) words.push(w);
  }
  flush();
  return words.filter((w) => !GENERIC_TARGET.test(w));
}

/** 多少个, 几件, 哪家: a question word with a measure word is part of the question, not its topic. */
export function isAskWord(word: string, lexicon: Lexicon): boolean {
  // 那几个 / 这几项 (the ones just spoken of) ask as 几个 does.
  const rest = /^[那这]?(?:多少|几|哪)(.*)$/u.exec(word)?.[1];
  return rest !== undefined && (rest === '' || lexicon.intent.isCounter(rest));
}
