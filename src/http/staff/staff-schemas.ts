import { z } from 'zod';

const text = (name: string, max: number) =>
  z
    .string({ error: `${name} must be a string` })
    .trim()
    .min(1, `${name} must not be empty`)
    .refine((v) => [...v].length <= max, `${name} must be at most ${max} characters`);

export const loginSchema = z.object({
  username: z.string({ error: 'username must be a string' }).max(40, 'username is too long'),
  password: z.string({ error: 'password must be a string' }).max(200, 'password is too long'),
});

export const quoteSchema = z.object({
  paragraphId: z.string({ error: 'paragraphId must be a string' }).max(40),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  text: z.string({ error: 'each quote needs its text' }).min(1).max(2_000),
});

export const approveSchema = z.object({
  question: text('question', 500),
  framing: text('framing', 500),
  quotes: z.array(quoteSchema, { error: 'quotes must be an array' }).min(1, 'pick at least one sentence of the report').max(8),
});

export const withdrawSchema = z.object({ reason: text('reason', 200) });

export const referSchema = z.object({
  question: text('question', 500),
  office: text('office', 60),
  phone: z
    .string({ error: 'phone must be a string' })
    .trim()
    .regex(/^[0-9+()（）\- ]{3,30}$/, 'phone must be a telephone number such as 0595-88888888 or 12345'),
});

export const vocabProposalSchema = z.object({
  reportTerm: text('reportTerm', 60),
  citizenWord: text('citizenWord', 60).refine((w) => [...w].length >= 2, 'citizenWord must be at least 2 characters'),
});

export const vocabDecisionSchema = z.object({ status: z.enum(['accepted', 'rejected'], { error: 'status must be accepted or rejected' }) });

export const exportSchema = z.object({
  answerIds: z.array(z.string().max(64), { error: 'answerIds must be an array' }).min(1, 'select at least one question').max(200),
});
