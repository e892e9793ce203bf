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
  'place',
  'procedure',
  'outcome',
  'ranking',
  'growth',
  'comparison',
  'breakdown',
  'rate',
  'count',
  'figure',
  'yesno',
  'definition',
] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** Kinds whose answer is a particular sort of fact the quoted sentence must hold. */
export const EVIDENCE_KINDS = [
  'procedure',
  'outcome',
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
  'place',
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
  polar: z.array(z.object({ pattern: z.string().min(1), zh: z.string(), en: z.string() })).min(1),
  places: z.array(z.string().min(2)).default([]),
  /** A figure of what was added (核增, 新配备). */
  increments: z.string().min(1),
  /** Asking how many there are in all (总共, 一共). */
  totals: z.string().min(1),
});
export type QuestionCues = z.infer<typeof questionCuesSchema>;
