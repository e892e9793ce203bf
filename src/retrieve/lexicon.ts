import type { Glossary, Stopwords } from '../corpus/corpus-files.js';
import type { QuestionCues } from '../corpus/question-cues.js';
import { createIntentReader, type IntentReader } from './question-intent.js';
import pluralize from 'pluralize';
import { normalizeForMatch } from '../text/normalize.js';
import { tonelessPinyin } from '../text/pinyin.js';
import { sha256Hex } from '../text/sha256-hex.js';
import { hanBigrams } from '../text/tokenize.js';
import { soundAlikeTerms, type SoundAlikeTerms } from './sound-alike-terms.js';
import { wordFinder, type WordFinder } from './word-finder.js';
import { chineseWords } from '../text/chinese-words.js';

export interface GlossaryEntry {
  /** Normalised everyday term as a citizen types it. */
  user: string;
  /** Normalised report wording it stands for. */
  report: string[];
  /** An English word or phrase, matched as whole words. */
  latin: boolean;
}

/** The language resources a query is read with: glossary and question words, normalised once. */
export interface Lexicon {
  /** Longest user term first, so `和政府打官司` wins over `打官司`. */
  glossary: GlossaryEntry[];
  /** The glossary's citizen words (`glossary[i].user`), to find those in a question without testing each. */
  glossaryWords: WordFinder;
  /** The citizen phrases of four characters or more, each without its light words (手机上办事平台), see `placeLightWords`. */
  loosePhrases: { without: string[]; words: string[]; finder: WordFinder };
  stopZh: Set<string>;
  /** Particles trimmed from the ends of segmented words. */
  particles: Set<string>;
  stopEn: Set<string>;
  /** Every Han bigram of the report (normalised). */
  bigrams: Set<string>;
  /** Toneless pinyin of a bigram → the report's bigrams that sound the same (复义 → 复议). */
  homophones: Map<string, string[]>;
  /** What a question asks for, and what a sentence must hold to answer it. */
  intent: IntentReader;
  /** The report's own terms and the glossary's words, for cutting a question into words. */
  terms: TermDictionary;
  /** Words for a year by its distance from the report's own year (前年 → −1), see `relativeYears`. */
  relativeYears: Record<string, number>;
  /** Other places the report does name (泉州, 洛江): a figure asked of one must be told of it (泉州全市的纠错率 is not 石狮's). */
  namedPlaces: Pick<GlossaryEntry, 'user' | 'latin'>[];
  /** Places the report never names (晋江, xiamen): a question about one asks about somewhere else. */
  otherPlaces: Pick<GlossaryEntry, 'user' | 'latin'>[];
  /** The report's terms, to read a homophone typo that is a real word (只是产权 → 知识产权). */
  soundAlikes: SoundAlikeTerms;
  /** Report terms (normalised) that name a body, a group or a platform (金牌调解室): a figure about one is not about another. */
  named: Set<string>;
  /** Report terms (normalised) for bodies and groups (市场主体, 企业, 金牌调解室): what a number of them counts, not money. */
  countable: Set<string>;
  /**
   * The report's other terms with the same head word as `term` (检察建议 → 司法建议; 重点企业 → 工业企业, 民营企业…):
   * kinds of one thing that the report tells apart. Neither holds the other. None for a term the report does not use.
   */
  siblings(term: string): readonly string[];
  /**
   * Do citizens' words for a report term name a body as its owner (法院的建议 for 司法建议: 法院 owns it)?
   * Then a question about that body's term is answered where the term is, the body named or not.
   */
  owns(body: string, term: string): boolean;
}

/** An English word or phrase (matched as whole words), not Chinese. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, control characters included, is what Latin means here
const isLatin = (word: string) => /^[\x00-\x7f]+$/u.test(word);

/** Toneless pinyin, syllables joined by spaces: the key that pinyin-input typos share with the intended word (after `loadPinyin`). */
export function pinyinKey(text: string): string {
  return tonelessPinyin(text).join(' ');
}

/** `matchTexts`: the report's paragraphs, already normalised (`ReportIndex.matchText`). */
export function createLexicon(
  /** `named`: the report's terms for bodies, groups and platforms (`namedBodies`). */
  glossary: Pick<Glossary, 'entries'> & { named?: readonly string[]; groups?: readonly string[] },
  stopwords: Stopwords,
  cues: QuestionCues,
  matchTexts: string[],
  precomputedHomophones?: [string, string[]][],
  /** The glossary as this function would build it (normalising ~10,000 words costs ~60 ms at start-up), from a snapshot. */
  precomputedGlossary?: GlossaryEntry[],
): Lexicon {
  const bigrams = new Set(matchTexts.flatMap((t) => (t.match(/\p{Script=Han}+/gu) ?? []).flatMap(hanBigrams)));
  const homophones = precomputedHomophones ? new Map(precomputedHomophones) : homophoneIndex(wordBigrams(matchTexts));
  const stopZh = new Set(stopwords.zh.map(normalizeForMatch));
  const stopEn = new Set(stopwords.en.map((w) => w.toLowerCase()));
  const sorted = precomputedGlossary ?? sortedGlossary(glossary, stopZh, stopEn);
  // The bigrams inside the report's words, segmented when a question first needs them (not at start-up).
  let insideWords: Set<string> | undefined;
  let loosePhrases: Lexicon['loosePhrases'] | undefined;
  const inReport = (text: string) => matchTexts.some((t) => t.includes(text));
  return {
    glossary: sorted,
    glossaryWords: wordFinder(sorted.map((e) => e.user)),
    // Built when the first question needs it, not at start-up.
    get loosePhrases() {
      return (loosePhrases ??= loosePhrasesOf(sorted));
    },
    stopZh,
    particles: new Set(stopwords.particles),
    bigrams,
    homophones,
    stopEn,
    intent: createIntentReader(cues),
    // (With the question's frame words, so 一共建了 is cut 一共 / 建, not read as 共建.)
    terms: termDictionary(
      [...sorted.flatMap((e) => [e.user, ...e.report]), ...FRAME_TOTALS].filter((t) => /^\p{Script=Han}{2,}$/u.test(t)),
    ),
    relativeYears: Object.fromEntries(Object.entries(cues.relativeYears).map(([w, n]) => [normalizeForMatch(w), n])),
    namedPlaces: cues.places
      .map(normalizeForMatch)
      .filter(inReport)
      .map((user) => ({ user, latin: isLatin(user) })),
    otherPlaces: cues.places
      .map(normalizeForMatch)
      .filter((name) => !inReport(name))
      .map((user) => ({ user, latin: isLatin(user) })),
    soundAlikes: soundAlikeTerms(
      sorted.flatMap((e) => e.report),
      inReport,
      (bigram) => (insideWords ??= wordBigrams(matchTexts)).has(bigram),
    ),
    named: new Set((glossary.named ?? []).map(normalizeForMatch)),
    countable: new Set([...(glossary.named ?? []), ...(glossary.groups ?? [])].map(normalizeForMatch)),
    siblings: siblingTerms(sorted, inReport),
    owns: ownership(sorted),
  };
}

/** `Lexicon.owns` from the glossary: the citizen words of each report term, indexed when first asked. */
function ownership(glossary: GlossaryEntry[]): Lexicon['owns'] {
  let words: Map<string, string[]> | undefined;
  return function owns(body, term) {
    if (!words) {
      words = new Map();
      for (const { user, report } of glossary) for (const r of report) words.set(r, [...(words.get(r) ?? []), user]);
    }
    return (words.get(term) ?? []).some((w) => w !== body && w.includes(body));
  };
}

/** A term's head: its last two characters (建议 of 检察建议), the word the modifiers before it narrow. */
const HEAD = 2;

/** `Lexicon.siblings` over the glossary's report terms the report uses, grouped by head when first asked. */
function siblingTerms(glossary: GlossaryEntry[], inReport: (text: string) => boolean): Lexicon['siblings'] {
  let byHead: Map<string, string[]> | undefined;
  function group(): Map<string, string[]> {
    const map = new Map<string, string[]>();
    const terms = new Set(glossary.flatMap((e) => e.report).filter((t) => /^\p{Script=Han}{3,}$/u.test(t)));
    for (const term of terms) {
      if (!inReport(term)) continue;
      const head = term.slice(-HEAD);
      map.set(head, [...(map.get(head) ?? []), term]);
    }
    return map;
  }
  return function siblings(term) {
    byHead ??= group();
    const kin = byHead.get(term.slice(-HEAD)) ?? [];
    // A word of the citizen's own (基层治理) names no kind the report tells apart.
    return kin.includes(term) ? kin.filter((t) => !t.includes(term) && !term.includes(t)) : [];
  };
}

/**
 * What a normalised glossary was made from (vocabulary.json as read, before validation, and the
 * question words), as a SHA-256 hex digest: equal keys mean the same glossary.
 */
export async function glossaryKey(rawVocabulary: unknown, stopwords: Stopwords): Promise<string> {
  return sha256Hex(JSON.stringify([rawVocabulary, stopwords.zh, stopwords.en]));
}

/** The glossary normalised, one entry per citizen word with every report term it stands for, longest word first. */
export function sortedGlossary(glossary: Pick<Glossary, 'entries'>, stopZh: Set<string>, stopEn: Set<string> = new Set()): GlossaryEntry[] {
  const entries = new Map<string, Set<string>>();
  for (const entry of glossary.entries) {
    const report = entry.report.map(normalizeForMatch);
    // A question word or a name of the city itself (石狮市, 政府) is no topic, whatever a term lists.
    // The report's own term, written in a question, is read whole before any shorter citizen word inside it (领导干部, not 领导).
    const users = [...report.filter((r) => [...r].length > 1), ...entry.user.map(normalizeForMatch)].flatMap(withNumber);
    // (In English too: shishi, government name the city, not a topic.)
    for (const user of users.filter((u) => !stopZh.has(u) && !stopEn.has(u))) {
      const set = entries.get(user) ?? new Set<string>();
      for (const r of report) set.add(r);
      entries.set(user, set);
    }
  }
  return [...entries]
    .map(([user, report]) => ({ user, report: [...report], latin: isLatin(user) }))
    .sort((a, b) => b.user.length - a.user.length);
}

/**
 * The bigrams inside the report's words (市场 and 主体, not the 场主 that straddles them in
 * 市场主体): what a homophone typo can stand for. Across a word boundary a bigram is no word,
 * and mapping 常住 to 场主 would read 常住人口 as 市场主体.
 */
export function wordBigrams(matchTexts: string[]): Set<string> {
  const out = new Set<string>();
  const add = (word: string) => {
    if ([...word].length >= 2) for (const b of hanBigrams(word)) out.add(b);
  };
  for (const text of matchTexts) {
    // Intl.Segmenter splits words it does not know into characters (复议 → 复 / 议): a run of them is one word.
    let singles = '';
    for (const { segment } of chineseWords(text)) {
      if (/^\p{Script=Han}$/u.test(segment)) singles += segment;
      else {
        add(singles);
        singles = '';
        if (/^\p{Script=Han}{2,}$/u.test(segment)) add(segment);
      }
    }
    add(singles);
  }
  return out;
}

/** Toneless pinyin → the report's bigrams that sound so. Costs ~150 ms, so snapshots carry it precomputed. */
export function homophoneIndex(bigrams: Iterable<string>): Map<string, string[]> {
  const homophones = new Map<string, string[]>();
  for (const b of bigrams) {
    if ([...b].length !== 2) continue;
    const key = pinyinKey(b);
    homophones.set(key, [...(homophones.get(key) ?? []), b]);
  }
  return homophones;
}

/** Longest-match lookup of known words in a string. */
export interface TermDictionary {
  /** The longest known word starting at `at`, or null. */
  longestAt(text: string, at: number): string | null;
}

export function termDictionary(words: Iterable<string>): TermDictionary {
  const byFirst = new Map<string, string[]>();
  for (const w of new Set(words)) {
    const list = byFirst.get(w[0]!);
    if (list) list.push(w);
    else byFirst.set(w[0]!, [w]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return {
    longestAt(text, at) {
      return byFirst.get(text[at]!)?.find((w) => text.startsWith(w, at)) ?? null;
    },
  };
}

/** Words that ask for a total (一共, 总共): frame words whose last character often starts a vocabulary word (共建). */
export const FRAME_TOTALS = ['一共', '总共', '共计', '总计', '合计'];

/** Light words citizens put inside a phrase after a verb (咨询个法律问题, 问一下法律问题, 咨询点法律问题). */
const LIGHT = '一下|一个|个|点|些|下';

/** 的, or a light word, between Chinese characters: what a phrase is matched without (see `placeLightWords`). */
const FILLER = new RegExp(`(?<=\\p{Script=Han})(?:的|${LIGHT})(?=\\p{Script=Han})`, 'gu');

function loosePhrasesOf(glossary: GlossaryEntry[]): Lexicon['loosePhrases'] {
  // Han phrases of four characters or more: shorter ones are found inside other words too easily.
  const words = [...new Set(glossary.map((e) => e.user).filter((u) => /^\p{Script=Han}{4,}$/u.test(u)))];
  const without = words.map((w) => w.replace(FILLER, ''));
  return { words, without, finder: wordFinder(without) };
}

/**
 * The question with each vocabulary phrase written as the vocabulary writes it, wherever the question puts
 * its 的 or adds a light word inside it (手机上办事的平台 → 手机上的办事平台, 咨询个法律问题 → 咨询法律问题),
 * so the glossary reads it whole.
 */
export function placeLightWords(text: string, { loosePhrases }: Pick<Lexicon, 'loosePhrases'>): string {
  if (!loosePhrases.words.length) return text;
  let out = text;
  // Longest first; a phrase placed is held by a private-use mark, so no shorter one is found inside it (手机上办 of it).
  const placed: string[] = [];
  for (const i of loosePhrases.finder.occurring(out.replace(FILLER, ''))) {
    const word = loosePhrases.words[i]!;
    if (out.includes(word)) continue;
    // A 的 may move within a phrase that has one; a phrase without 的 may take a light word (咨询个法律问题),
    // not a 的, which would join two words (到庭的比例 is not the phrase 到庭比例).
    const light = word.includes('的') ? '的' : LIGHT;
    // (The phrases are Chinese characters only: nothing in them needs escaping.)
    const found = new RegExp([...loosePhrases.without[i]!].join(`(?:${light})?`), 'u').exec(out);
    // Moved or added, not dropped: without any light word the letters may be inside another word (执法人员 is no 执法的人).
    if (!found || found[0] === word || !new RegExp(light, 'u').test(found[0].slice(1, -1))) continue;
    out = out.replace(found[0], String.fromCharCode(0xe000 + placed.length));
    placed.push(word);
  }
  return placed.reduce((text, word, k) => text.replace(String.fromCharCode(0xe000 + k), word), out);
}

/** An English word or phrase also in the other number of its last word (request → requests, disputes → dispute). */
function withNumber(user: string): string[] {
  const last = /([a-z]{3,})$/u.exec(user)?.[1];
  if (!last || !isLatin(user)) return [user];
  const stem = user.slice(0, -last.length);
  return [...new Set([user, stem + pluralize.plural(last), stem + pluralize.singular(last)])];
}
