import { z } from 'zod';

/** The kinds of answer a question can ask for (see corpus/question-cues.json). */
export const ANSWER_KINDS = [
  'list',
  'money',
  'fee',
  'duration',
  'date',
  'year',
  'time',
  'web',
  'phone',
  'person',
  'agent',
  'place',
  'venue',
  'procedure',
  'outcome',
  'reason',
  'ranking',
  'growth',
  'comparison',
  'breakdown',
  'rate',
  'count',
  'figure',
  'yesno',
  'definition',
  'topic',
  'which',
  'outline',
] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** Kinds whose answer is a particular sort of fact the quoted sentence must hold. */
export const EVIDENCE_KINDS = [
  'procedure',
  'outcome',
  'reason',
  'ranking',
  'growth',
  'comparison',
  'breakdown',
  'fee',
  'money',
  'duration',
  'time',
  'date',
  'year',
  'web',
  'phone',
  'person',
  'agent',
  'place',
  'venue',
  'rate',
  'count',
  'figure',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const questionCuesSchema = z.object({
  version: z.literal(1),
  description: z.string().optional(),
  kinds: z.record(z.enum(ANSWER_KINDS), z.array(z.string().min(1))),
  counters: z.string().min(1),
  evidence: z.record(z.enum(EVIDENCE_KINDS), z.string().min(1)),
  negative: z.array(z.string().min(1)),
  /**
   * Words that make what follows an aim, not a fact (创建“全国法治政府建设示范市”, 争创, 参评): a sentence holding
   * the question's term only after one of them does not confirm it, so no yes leads its quote.
   */
  aims: z.string().min(1).default('创建|争创|力争|争取|计划|拟|参评|申报'),
  /**
   * How a name is written in a sentence (“i 石狮”, 《…》): a question for which one (是哪一家) is answered only by
   * a sentence naming one the question does not already name (these, or a body the report names).
   */
  names: z.string().min(1).default('“[^”]+”|《[^》]+》'),
  /**
   * A figure asked per item (一件专利能补多少钱, 每家企业, 人均): told only by a figure the sentence gives per item
   * (`stated`), not by a total (共发放…190 多万元).
   */
  perUnit: z
    .object({ asks: z.string().min(1), stated: z.string().min(1) })
    .default({ asks: '每(?:件|个|家|人)|人均', stated: '每|平均|人均' }),
  polar: z.array(z.object({ pattern: z.string().min(1), zh: z.string(), en: z.string() })).min(1),
  places: z.array(z.string().min(2)).default([]),
  /**
   * Words for a year by its distance from the report's own year (前年 → −1: a citizen reading the 2023
   * report in 2024 says 去年 for 2023, so 前年 is 2022). The year becomes a requirement like a written 2022.
   */
  relativeYears: z.record(z.string().min(1), z.number().int()).default({}),
  /** A figure of what was added (核增, 新配备). */
  increments: z.string().min(1),
  /** Asking how many there are in all (总共, 一共). */
  totals: z.string().min(1),
  /** How people and groups are counted (多少人, 1037 名, 那个队伍有多少人). */
  people: z.object({
    /** A question asking for a count of people: 多少人, 几位 (not 多少个人民调解…). */
    asks: z.string().min(1),
    /** Measure words after a figure that count people (1037 名). */
    measures: z.string().min(1),
    /** …and what people bring or take part in, one each (228 件 applications, 10 起 suits). */
    measuresWithCases: z.string().min(1),
    /** Nouns for a group, whose members a 多少人 question counts (队伍, 团队). */
    groups: z.array(z.string().min(1)).min(1),
  }),
  /** What a question sets aside (除了村里，还…): not what the answer must be about. */
  exclusion: z.string().min(1),
  /** The question names several things joined (镇街和部门): it asks about all of them, not one part of a total. */
  joined: z.string().min(1),
  /**
   * A condition the asked figure is under (有几个领导不合格: those who failed, not all who were rated):
   * `negated` finds it, after the question forms that merely look negative (`polar`: 会不会, 有没有,
   * …了没有) are set aside; `trailing` particles are trimmed from what it finds. A sentence states the
   * condition in its own words when it holds what was negated (`negation` cut off: 报备 of 没报备) with a
   * word of lack (`stated`: 漏报备案).
   */
  conditions: z.object({
    polar: z.string().min(1),
    negated: z.string().min(1),
    trailing: z.string().min(1),
    negation: z.string().min(1),
    stated: z.string().min(1),
    /** A word of lack right before a word of the question (漏报备案): the figure counts what was not done. */
    lacking: z.string().min(1),
  }),
});
export type QuestionCues = z.infer<typeof questionCuesSchema>;
