import { z } from 'zod';

/** The kinds of answer a question can ask for (see corpus/question-cues.json). */
export const ANSWER_KINDS = ['list', 'money', 'fee', 'duration', 'date', 'year', 'time', 'phone', 'person', 'place', 'procedure', 'outcome', 'ranking', 'growth', 'comparison', 'rate', 'count', 'figure', 'yesno', 'definition'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** Kinds whose answer is a particular sort of fact the quoted sentence must hold. */
export const EVIDENCE_KINDS = ['procedure', 'outcome', 'ranking', 'growth', 'comparison', 'fee', 'money', 'duration', 'time', 'date', 'year', 'phone', 'person', 'place', 'rate', 'count', 'figure'] as const;
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
});
export type QuestionCues = z.infer<typeof questionCuesSchema>;
