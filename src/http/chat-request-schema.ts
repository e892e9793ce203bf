import { z } from '@hono/zod-openapi';
import type { ChatTurn } from '../types.js';
import { conversationIdSchema, MAX_HISTORY_TURNS, MAX_QUESTION_CHARS, MAX_TURN_CHARS } from './schemas.js';

/** A message part as `useChat` sends it: text parts are read, every other kind (data, sources, steps) is ignored. */
const partSchema = z
  .looseObject(
    { type: z.string({ error: 'each part needs a type' }), text: z.unknown().optional(), data: z.unknown().optional() },
    { error: 'each part must be an object with a type' },
  )
  .refine((p) => p.type !== 'text' || typeof p.text === 'string', 'a text part needs text: string');

const messageSchema = z.looseObject(
  {
    id: z.string().optional(),
    role: z.enum(['user', 'assistant'], { error: 'role must be "user" or "assistant"' }),
    parts: z.array(partSchema, { error: 'parts must be an array of {type, text} parts' }).max(100, 'a message may have at most 100 parts'),
  },
  { error: 'each message must be an object {id, role, parts}' },
);

/** The body `useChat` (AI SDK UI) posts: `{id?, messages: [{id, role, parts: [{type: 'text', text}]}], trigger?, …}`. */
export const chatRequestSchema = z
  .looseObject(
    {
      // No cap on the number of messages: useChat posts the whole conversation every time, and a long one is answered
      // from its recent turns (toQuestionAndHistory). The body limit (CHAT_BODY_LIMIT) bounds the work.
      messages: z
        .array(messageSchema, { error: 'messages must be an array of {id, role, parts} messages' })
        .min(1, 'messages must not be empty'),
      conversationId: conversationIdSchema.optional(),
    },
    {
      error: 'the body must be a JSON object such as {"messages": [{"id": "1", "role": "user", "parts": [{"type": "text", "text": "…"}]}]}',
    },
  )
  .superRefine(function lastIsAQuestion({ messages }, ctx) {
    const last = messages.at(-1);
    const question = last ? textOf(last).trim() : '';
    if (last?.role !== 'user') ctx.addIssue({ code: 'custom', message: 'the last message must be the user\'s question (role "user")' });
    else if (!question) ctx.addIssue({ code: 'custom', message: 'the question must not be empty' });
    else if ([...question].length > MAX_QUESTION_CHARS)
      ctx.addIssue({ code: 'custom', message: `the question must be at most ${MAX_QUESTION_CHARS} characters` });
  })
  .openapi('ChatRequest', {
    example: { messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: '行政复议一共收到多少件申请？' }] }] },
  });

export type ChatRequest = z.infer<typeof chatRequestSchema>;

/**
 * The question (the last message) and the conversation before it, as the service takes them:
 * the last `MAX_HISTORY_TURNS` turns with text, each cut to `MAX_TURN_CHARS`. A long chat is
 * not an error; it is answered from its recent turns.
 */
export function toQuestionAndHistory({ messages }: ChatRequest): { question: string; history: ChatTurn[] } {
  const question = textOf(messages.at(-1)!).trim();
  const history = messages
    .slice(0, -1)
    .map((m): ChatTurn => ({ role: m.role, content: textOf(m).trim().slice(0, MAX_TURN_CHARS) }))
    .filter((t) => t.content)
    .slice(-MAX_HISTORY_TURNS);
  return { question, history };
}

/**
 * A message's text. For an answer of ours, the `data-answer` part is what was finally shown
 * (a degraded answer also carries the withdrawn text in its first text part).
 */
function textOf(message: { role: string; parts: { type: string; text?: unknown; data?: unknown }[] }): string {
  const final =
    message.role === 'assistant'
      ? (message.parts.findLast((p) => p.type === 'data-answer')?.data as { answer?: unknown } | undefined)
      : undefined;
  if (typeof final?.answer === 'string') return final.answer;
  return message.parts.flatMap((p) => (p.type === 'text' && typeof p.text === 'string' ? [p.text] : [])).join('');
}
