import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { redactPersonalData } from '../record/redact-personal-data.js';
import type { Recorder } from '../record/recorder.js';
import { errorResponse } from './error-response.js';
import { errorResponses } from './error-responses.js';
import { feedbackRequestSchema, feedbackResponseSchema } from './schemas.js';

export const feedbackRoute = createRoute({
  method: 'post',
  path: '/api/feedback',
  operationId: 'feedback',
  summary: "A citizen's 👍/👎 on one answer (by its answerId), with an optional reason; stored with the recorded turn",
  request: { body: { required: true, content: { 'application/json': { schema: feedbackRequestSchema } } } },
  responses: {
    202: { description: 'Stored', content: { 'application/json': { schema: feedbackResponseSchema } } },
    ...errorResponses(400, 404, 405, 413, 415, 429, 500, 503),
  },
});

type FeedbackBody = { answerId: string; rating: 'up' | 'down'; reason?: string };

/**
 * Store feedback on a recorded answer: 404 when no turn has that answerId (never recorded,
 * recording off, or purged), 503 while the database is down. A turn still waiting in the
 * recorder's queue is written first, so feedback given right after the answer finds it.
 */
export async function storeFeedback(c: Context, recorder: Recorder | undefined, { answerId, rating, reason }: FeedbackBody) {
  const unknown = () => errorResponse(c, 'not_found', `No recorded answer has the answerId "${answerId}".`);
  if (!recorder) return unknown();
  if (recorder.isQueued(answerId)) await recorder.flush();
  const store = await recorder.store();
  const unavailable = () => errorResponse(c, 'unavailable', 'Feedback cannot be stored right now. Please try again later.');
  if (!store) return unavailable();
  try {
    if (!(await store.hasTurn(answerId))) return unknown();
    await store.insertFeedback({
      id: crypto.randomUUID(),
      answer_id: answerId,
      rating,
      reason: reason ? redactPersonalData(reason) : null,
      created_at: new Date().toISOString(),
    });
  } catch (error) {
    console.error(`[feedback] not stored: ${(error as Error).message}`);
    return unavailable();
  }
  return c.json({ status: 'accepted' as const }, 202);
}
