import { z } from '@hono/zod-openapi';
import { DEGRADED_REASONS } from '../types.js';

export const MAX_QUESTION_CHARS = 500;
export const MAX_HISTORY_TURNS = 10;
/** History turns may quote earlier answers, which can be longer than a question. */
export const MAX_TURN_CHARS = 4000;

export const chatTurnSchema = z.object(
  {
    role: z.enum(['user', 'assistant'], { error: 'role must be "user" or "assistant"' }),
    content: z.string({ error: 'content must be a string' }).max(MAX_TURN_CHARS, `each history turn must be at most ${MAX_TURN_CHARS} characters`),
  },
  { error: 'each history turn must be an object {role, content}' },
);

export const askRequestSchema = z
  .object({
    question: z
      .string({ error: 'question must be a string' })
      .refine((q) => q.trim().length > 0, 'question must not be empty')
      .refine((q) => [...q].length <= MAX_QUESTION_CHARS, `question must be at most ${MAX_QUESTION_CHARS} characters`),
    history: z.array(chatTurnSchema, { error: 'history must be an array of {role, content} turns' }).max(MAX_HISTORY_TURNS, `history may hold at most ${MAX_HISTORY_TURNS} turns`).optional(),
  }, { error: 'the body must be a JSON object such as {"question": "…"}' })
  .openapi('AskRequest', { example: { question: '老百姓告政府，负责人出庭了吗？' } });

export const citationSchema = z
  .object({
    id: z.string(),
    section: z.string(),
    text: z.string().openapi({ description: 'The whole paragraph, verbatim.' }),
    quote: z.string().openapi({ description: 'text.slice(start, end): the supporting span.' }),
    start: z.number().int(),
    end: z.number().int(),
  })
  .openapi('Citation');

export const askResponseSchema = z
  .object({
    answer: z.string(),
    abstained: z.boolean(),
    mode: z.enum(['extractive', 'llm']),
    citations: z.array(citationSchema),
    suggestions: z.array(z.object({ id: z.string(), section: z.string() })).optional(),
    declineReason: z.string().optional(),
    retrieval: z.array(z.object({ id: z.string(), score: z.number(), coverage: z.number() })).optional(),
    rewrite: z
      .array(z.string())
      .optional()
      .openapi({ description: "Search terms in the report's wording that the model's query rewrite added (diagnostics; empty when the rewrite failed)." }),
    degraded: z.boolean().optional().openapi({ description: 'A model is configured but this is the extractive fallback.' }),
    degradedReason: z.enum(DEGRADED_REASONS).optional(),
    verification: z
      .object({
        claims: z.number().int(),
        claimsRemoved: z.number().int(),
        uncitedClaims: z.number().int(),
        unknownIds: z.number().int(),
        quotesNotVerbatim: z.number().int(),
        quotesTooShort: z.number().int(),
        unsupportedNumbers: z.number().int(),
        unsupportedWords: z.number().int(),
        unsupportedTokens: z.number().int(),
        modelDeclined: z.union([z.literal(0), z.literal(1)]),
        declineDisagreed: z.union([z.literal(0), z.literal(1)]),
        fallback: z.union([z.literal(0), z.literal(1)]),
      })
      .optional()
      .openapi({ description: 'How often each check on the generated answer fired.' }),
  })
  .openapi('AskResponse');

export const searchQuerySchema = z.object({
  q: z
    .string({ error: 'q is required' })
    .refine((q) => q.trim().length > 0, 'q must not be empty')
    .refine((q) => [...q].length <= MAX_QUESTION_CHARS, `q must be at most ${MAX_QUESTION_CHARS} characters`),
  limit: z.coerce.number({ error: 'limit must be a number' }).int('limit must be an integer').min(1, 'limit must be at least 1').max(50, 'limit must be at most 50').default(10),
});

const spanSchema = z.object({ start: z.number().int(), end: z.number().int(), quote: z.string(), score: z.number() });

export const searchResponseSchema = z
  .object({
    query: z.string(),
    hits: z.array(z.object({ id: z.string(), section: z.string(), text: z.string(), score: z.number(), coverage: z.number(), spans: z.array(spanSchema) })),
  })
  .openapi('SearchResponse');

export const paragraphSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['header', 'intro', 'heading', 'body', 'closing']),
    section: z.string(),
    text: z.string(),
    sentences: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
    clauses: z.array(z.object({ marker: z.string(), start: z.number().int(), end: z.number().int() })),
    lines: z.array(z.number().int()),
    order: z.number().int(),
  })
  .openapi('Paragraph');

export const paragraphParamsSchema = z.object({ id: z.string().min(1).max(64) });

export const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).openapi('Error');
