import { hanBigrams, occurrences } from '../text/tokenize.js';
import { EVIDENCE_KINDS, type AnswerKind, type EvidenceKind, type QuestionCues } from '../corpus/question-cues.js';

export type { AnswerKind, EvidenceKind };

/** What a question asks for, read from the whole question. */
export interface QuestionIntent {
  /** Every kind whose cue occurs (哪几项 → list; 多久 → duration; 在哪里 → place). */
  kinds: Set<AnswerKind>;
  /**
   * What the quoted sentence must hold, most specific first: a money question needs an amount
   * in 元, a duration a number with a time unit. A list question asks for items, not a count,
   * and a more specific kind makes the general count redundant.
   */
  expects: EvidenceKind[];
  list: boolean;
  yesno: boolean;
}

/** The cues compiled once. */
export interface IntentReader {
  read(normalizedQuestion: string): QuestionIntent;
  /** Does `text` hold evidence of this kind? */
  holds(kind: EvidenceKind, text: string): boolean;
  /** Does the sentence say something is lacking (缺乏, 有待…)? Then a yes/no question gets no plain yes. */
  negative(text: string): boolean;
  /** Does `text` name something (a quoted name, a title) that `question` does not already name? */
  namesNew(text: string, question: string): boolean;
  /** Is `term` in `text` only as an aim (创建“全国法治政府建设示范市”, 争创, 参评) or an aim itself (参评), not as a fact? */
  aimsAt(text: string, term: string): boolean;
  /** The leading word of a yes answer for this question (有。/ 可以。/ 是的。/ Yes.). */
  yes(normalizedQuestion: string, language: 'zh' | 'en'): string;
  counters: RegExp;
  /** Is the word only a measure word (家, 件, 人次)? */
  isCounter(word: string): boolean;
  /** Does the question ask how many there are in all (总共, 一共)? */
  asksTotal(normalizedQuestion: string): boolean;
  /** Is the figure one of what was added (核增, 新配备)? */
  isIncrement(text: string): boolean;
  /** Does the question ask for a count of people (多少人, 几位)? */
  asksPeople(normalizedQuestion: string): boolean;
  /** Does the question ask a figure per item (一件专利能补多少钱, 人均), and does a clause state one per item (每, 平均)? */
  perUnit: { asks(normalizedQuestion: string): boolean; stated(clause: string): boolean };
  /** Is the figure at `literal` in the clause a count of people (1037 名), or with `withCases` of what people bring (228 件)? */
  countsPeople(clause: string, literal: string, withCases?: boolean): boolean;
  /** Is the word a noun for a group (队伍), whose members a 多少人 question counts? */
  isGroupNoun(word: string): boolean;
  /** Does the question name several things joined (镇街和部门), asking about all of them? */
  joinsSeveral(normalizedQuestion: string): boolean;
  /** The question without what it sets aside (除了村里，还放到了哪些地方 → ，还放到了哪些地方). */
  withoutExcluded(normalizedQuestion: string): string;
  /** Negated conditions on what is asked (有几个领导不合格 → 不合格), with where each starts in the question. */
  conditions(normalizedQuestion: string): { text: string; at: number }[];
  /** Does the text state the condition: word for word, or what was negated with a word of lack (没报备 by 漏报备案)? */
  statesCondition(condition: string, text: string): boolean;
  /**
   * Does the clause count what was not done to one of the question's words (漏报备案 for 报备了多少份),
   * a lack the question does not itself speak of (`asked`: the question and its report wording, 没报备 → 漏报备案)?
   */
  negatesWord(clause: string, words: readonly string[], asked: readonly string[]): boolean;
  /** Does the text (what the counted things had: 规范性文件存在漏报备案情形) speak of a lack that `asked` does not? */
  speaksOfLack(text: string, asked: readonly string[]): boolean;
}

/** How far from a negated word its word of lack may stand (漏报备案: just before). */
const LACK_REACH = 2;

const QUOTED = /“[^”]*”|「[^」]*」|《[^》]*》|"[^"]*"/gu;

/** Kinds that a more specific kind already implies (an amount in 元 is a count of money). */
const IMPLIED: Partial<Record<EvidenceKind, EvidenceKind[]>> = {
  count: ['figure'],
  money: ['count', 'figure'],
  fee: ['count', 'figure', 'money'],
  growth: ['count', 'figure'],
  duration: ['count', 'figure'],
  date: ['count', 'figure', 'duration', 'year'],
  year: ['count', 'figure'],
  time: ['count', 'figure', 'date'],
  phone: ['count', 'figure'],
  web: ['count', 'figure'],
  breakdown: ['count', 'figure'],
  rate: ['count', 'figure'],
  comparison: ['count', 'figure', 'rate', 'growth'],
};

/** Kinds a 几/多少 in an earlier clause may raise (我有几项专利，能贷款吗？ asks yes or no). */
const QUANTITY: AnswerKind[] = ['count', 'figure'];

export function createIntentReader(cues: QuestionCues): IntentReader {
  const kindPatterns = Object.entries(cues.kinds).map(
    ([kind, sources]) => [kind as AnswerKind, new RegExp(sources.join('|'), 'u')] as const,
  );
  const evidence = new Map(Object.entries(cues.evidence).map(([kind, source]) => [kind as EvidenceKind, new RegExp(source, 'u')]));
  const negative = new RegExp(cues.negative.join('|'), 'u');
  const aims = new RegExp(`(?:${cues.aims})`, 'u');
  const names = new RegExp(cues.names, 'gu');
  const counterSet = new Set(cues.counters.split('|'));
  const totals = new RegExp(cues.totals, 'u');
  const increments = new RegExp(cues.increments, 'u');
  const polar = cues.polar.map((p) => ({ ...p, re: new RegExp(p.pattern, 'u') }));
  const people = {
    asks: new RegExp(cues.people.asks, 'u'),
    measures: new RegExp(cues.people.measures, 'u'),
    withCases: new RegExp(cues.people.measuresWithCases, 'u'),
    groups: new Set(cues.people.groups),
  };
  const joined = new RegExp(cues.joined, 'u');
  const perUnitAsks = new RegExp(cues.perUnit.asks, 'u');
  const perUnitStated = new RegExp(cues.perUnit.stated, 'u');
  const exclusion = new RegExp(cues.exclusion, 'gu');
  const polarForms = new RegExp(cues.conditions.polar, 'gu');
  const negated = new RegExp(cues.conditions.negated, 'gu');
  const trailing = new RegExp(cues.conditions.trailing, 'u');
  const negation = new RegExp(cues.conditions.negation, 'u');
  const lack = new RegExp(cues.conditions.stated, 'u');
  const lacking = new RegExp(`^${cues.conditions.lacking}$`, 'u');
  const speaksOfLack = (text: string, asked: readonly string[]) =>
    [...text].some((c) => lacking.test(c) && !asked.some((a) => a.includes(c)));

  return {
    read(question) {
      // A quoted name (“谁执法谁普法”, 《…》) is a name, not the question's own wording.
      const wording = question.replace(QUOTED, '“”');
      const kinds = new Set(kindPatterns.filter(([, re]) => re.test(wording)).map(([kind]) => kind));
      // 哪几项 / 哪几个方面 asks for the items, not how many there are.
      if (kinds.has('list') && !/多少/u.test(wording)) for (const k of QUANTITY) kinds.delete(k);
      // 是怎么处理的，有哪几种做法 asks for the ways it is handled, not the result of one case.
      if (kinds.has('list')) kinds.delete('outcome');
      // 谁主持的 / 上课的是谁 asks who did it: the role that did it answers (市委主要领导), not only a name.
      if (kinds.has('agent')) kinds.delete('person');
      // 去哪里能找人问 asks where to go for a service, not an address.
      if (kinds.has('venue')) kinds.delete('place');
      // 讲X的是第几部分 asks for the part (its heading), not a figure.
      if (kinds.has('topic')) for (const k of QUANTITY) kinds.delete(k);
      // A yes/no question whose 几 sits in an earlier clause uses it as "a few", not to ask a number.
      const last = wording.split(/[，,；;]/u).pop() ?? '';
      if (kinds.has('yesno') && kindPatterns.some(([k, re]) => k === 'yesno' && re.test(last))) {
        for (const k of QUANTITY) if (!kindPatterns.some(([kind, re]) => kind === k && re.test(last))) kinds.delete(k);
        // In a yes/no question 几 is "a few" (是不是会少查几次？), not a number asked for; 多少 still asks one.
        if (!/多少|\bhow (?:many|much)\b/u.test(wording)) for (const k of QUANTITY) kinds.delete(k);
      }
      const asked = EVIDENCE_KINDS.filter((k) => kinds.has(k));
      const implied = new Set(asked.flatMap((k) => IMPLIED[k] ?? []));
      return { kinds, expects: asked.filter((k) => !implied.has(k)), list: kinds.has('list'), yesno: kinds.has('yesno') };
    },
    holds: (kind, text) => evidence.get(kind)!.test(text),
    negative: (text) => negative.test(text),
    namesNew: (text, question) => [...text.matchAll(names)].some((m) => !question.includes(m[0].replace(/[“”《》]/gu, ''))),
    aimsAt(text, term) {
      // The term is itself an aim (参评), or an aim word comes before it in its clause (参评第三批…示范创建活动).
      const at = occurrences(text, term);
      if (aims.test(term)) return at.length > 0;
      const before = (i: number) =>
        text
          .slice(Math.max(0, i - 30), i)
          .split(/[，。；,;]/u)
          .pop() ?? '';
      return at.length > 0 && at.every((i) => aims.test(before(i)));
    },
    yes(question, language) {
      const form = polar.find((p) => p.re.test(question)) ?? polar[polar.length - 1]!;
      return form[language];
    },
    isCounter: (word) => counterSet.has(word),
    asksTotal: (question) => totals.test(question) && !increments.test(question),
    isIncrement: (text) => increments.test(text),
    asksPeople: (question) => people.asks.test(question),
    perUnit: { asks: (question) => perUnitAsks.test(question), stated: (clause) => perUnitStated.test(clause) },
    countsPeople(clause, literal, withCases = false) {
      const at = clause.indexOf(literal);
      return at >= 0 && (withCases ? people.withCases : people.measures).test(clause.slice(at + literal.length));
    },
    isGroupNoun: (word) => people.groups.has(word),
    joinsSeveral: (question) => joined.test(question),
    withoutExcluded: (question) => question.replace(exclusion, ' '),
    conditions(question) {
      // Blanked, not removed, so positions stay those of the question.
      const blank = (m: string) => ' '.repeat(m.length);
      const wording = question.replace(QUOTED, blank).replace(exclusion, blank).replace(polarForms, blank);
      return [...wording.matchAll(negated)]
        .map((m) => ({ text: m[0].replace(trailing, ''), at: m.index }))
        .filter((c) => [...c.text].length >= 2);
    },
    // Right before a word, or before the verb it is the object of (漏报备案: 漏 two before 备案).
    negatesWord: (clause, words, asked) =>
      words.some((word) => occurrences(clause, word).some((at) => speaksOfLack(clause.slice(Math.max(0, at - LACK_REACH), at), asked))),
    speaksOfLack,
    statesCondition(condition, text) {
      if (text.includes(condition)) return true;
      const negated = condition.replace(negation, '');
      if (negated === condition) return false;
      // The word of lack stands by a word of what it negates (没按规定报备 by 漏报备案, 挽救无望), not anywhere in the sentence.
      return hanBigrams(negated).some((word) =>
        occurrences(text, word).some((at) => lack.test(text.slice(Math.max(0, at - LACK_REACH), at + word.length + LACK_REACH))),
      );
    },
    // Longest first, so 人次 is not read as 人.
    counters: new RegExp(
      `^(?:${cues.counters
        .split('|')
        .sort((a, b) => b.length - a.length)
        .join('|')})`,
      'u',
    ),
  };
}
