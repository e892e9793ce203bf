import { z } from '@hono/zod-openapi';
import { ERROR_CODES } from '../errors.js';
import { DEGRADED_REASONS, type OutlineNode } from '../types.js';

const ERROR_CODE_NAMES = Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES, ...(keyof typeof ERROR_CODES)[]];

export const MAX_QUESTION_CHARS = 500;
export const MAX_HISTORY_TURNS = 10;
/** History turns may quote earlier answers, which can be longer than a question. */
export const MAX_TURN_CHARS = 4000;

export const chatTurnSchema = z.object(
  {
    role: z.enum(['user', 'assistant'], { error: 'role must be "user" or "assistant"' }),
    content: z
      .string({ error: 'content must be a string' })
      .max(MAX_TURN_CHARS, `each history turn must be at most ${MAX_TURN_CHARS} characters`),
  },
  { error: 'each history turn must be an object {role, content}' },
);

export const askRequestSchema = z
  .object(
    {
      question: z
        .string({ error: 'question must be a string' })
        .refine((q) => q.trim().length > 0, 'question must not be empty')
        .refine((q) => [...q].length <= MAX_QUESTION_CHARS, `question must be at most ${MAX_QUESTION_CHARS} characters`)
        // JSON Schema counts characters (code points), as the check above does; blank is refused too.
        .openapi({ minLength: 1, maxLength: MAX_QUESTION_CHARS, description: 'The question; not blank, at most 500 characters.' }),
      history: z
        .array(chatTurnSchema, { error: 'history must be an array of {role, content} turns' })
        .max(MAX_HISTORY_TURNS, `history may hold at most ${MAX_HISTORY_TURNS} turns`)
        .optional(),
    },
    { error: 'the body must be a JSON object such as {"question": "…"}' },
  )
  .openapi('AskRequest', { example: { question: '老百姓告政府，负责人出庭了吗？' } });

export const citationSchema = z
  .strictObject({
    id: z.string(),
    section: z.string(),
    text: z.string().openapi({ description: 'The whole paragraph, verbatim.' }),
    quote: z.string().openapi({ description: 'text.slice(start, end): the supporting span.' }),
    start: z.number().int(),
    end: z.number().int(),
  })
  .openapi('Citation');

export const askResponseSchema = z
  .strictObject({
    answer: z.string(),
    abstained: z.boolean(),
    mode: z.enum(['extractive', 'llm', 'approved', 'referred']).openapi({
      description:
        '`approved`: an answer staff wrote from verified quotes; `referred`: staff found the report silent and the answer names who can help.',
    }),
    citations: z.array(citationSchema),
    suggestions: z.array(z.strictObject({ id: z.string(), section: z.string() })).optional(),
    declineReason: z.string().optional(),
    retrieval: z.array(z.strictObject({ id: z.string(), score: z.number(), coverage: z.number() })).optional(),
    rewrite: z.array(z.string()).optional().openapi({
      description:
        "Search terms in the report's wording that the model's query rewrite added (diagnostics; empty when the rewrite failed).",
    }),
    degraded: z.boolean().optional().openapi({ description: 'A model is configured but this is the extractive fallback.' }),
    degradedReason: z.enum(DEGRADED_REASONS).optional(),
    verification: z
      .strictObject({
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
    .refine((q) => [...q].length <= MAX_QUESTION_CHARS, `q must be at most ${MAX_QUESTION_CHARS} characters`)
    .openapi({ minLength: 1, maxLength: MAX_QUESTION_CHARS }),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be an integer')
    .min(1, 'limit must be at least 1')
    .max(50, 'limit must be at most 50')
    .default(10),
});

const spanSchema = z.strictObject({ start: z.number().int(), end: z.number().int(), quote: z.string(), score: z.number() });

export const searchResponseSchema = z
  .strictObject({
    query: z.string(),
    hits: z.array(
      z.strictObject({
        id: z.string(),
        section: z.string(),
        text: z.string(),
        score: z.number(),
        coverage: z.number(),
        spans: z.array(spanSchema),
      }),
    ),
  })
  .openapi('SearchResponse');

export const paragraphSchema = z
  .strictObject({
    id: z.string(),
    kind: z.enum(['header', 'intro', 'heading', 'body', 'closing']),
    section: z.string(),
    part: z.number().int().min(1).nullable().openapi({ description: 'Part number 1–9 (一、…九、), null outside the parts.' }),
    subpart: z.number().int().min(1).nullable().openapi({ description: 'Sub-part number from （一）…, else null.' }),
    text: z.string(),
    sentences: z.array(z.strictObject({ start: z.number().int(), end: z.number().int() })),
    clauses: z.array(z.strictObject({ marker: z.string(), start: z.number().int(), end: z.number().int() })),
    lines: z.array(z.number().int()),
    order: z.number().int(),
  })
  .openapi('Paragraph');

export const paragraphParamsSchema = z.object({ id: z.string().min(1).max(64) });

export const errorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(ERROR_CODE_NAMES).openapi({ description: 'Stable, for programs.' }),
      message: z.string().openapi({ description: 'For people.' }),
    }),
  })
  .openapi('Error');

export const paragraphListSchema = z
  .strictObject({ title: z.string(), docNumber: z.string(), paragraphs: z.array(paragraphSchema) })
  .openapi('ParagraphList');

/** A section of the report with its sub-sections; the tree is as deep as the report (two levels). */
export const outlineNodeSchema: z.ZodType<OutlineNode> = z
  .lazy(() =>
    z.strictObject({
      title: z.string(),
      id: z.string().openapi({ description: 'Paragraph id of the heading.' }),
      paragraphIds: z.array(z.string()),
      children: z.array(outlineNodeSchema),
    }),
  )
  .openapi('OutlineNode');

export const outlineSchema = z
  .strictObject({ title: z.string(), docNumber: z.string(), sections: z.array(outlineNodeSchema) })
  .openapi('Outline');

export const healthSchema = z
  .strictObject({ status: z.literal('ok'), paragraphs: z.number().int(), embedder: z.string() })
  .openapi('Health');

export const widgetConfigSchema = z
  .strictObject({
    humanChannel: z
      .strictObject({
        label: z.string().openapi({ example: '12345政务服务便民热线' }),
        href: z.string().nullable().openapi({ description: '`tel:` or an http(s) address; null: no link.', example: 'tel:12345' }),
      })
      .nullable()
      .openapi({ description: 'Where a citizen whom the report cannot answer can ask a person; shown on every decline.' }),
  })
  .openapi('WidgetConfig');
