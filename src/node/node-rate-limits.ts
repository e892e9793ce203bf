import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { Config } from '../config.js';
import { rateLimited } from '../http/rate-limited.js';

/**
 * In-memory per-client limits for one Node process (hono-rate-limiter's MemoryStore, one-minute
 * windows), keyed by `keyGenerator` (the client address, see `clientAddress`). Only answered
 * questions and searches use budget: a refused one (400, 413, 415 …) is given back (`skipFailedRequests`).
 */
export function nodeRateLimits(
  { askPerMinute, searchPerMinute, feedbackPerMinute }: Config['rateLimits'],
  keyGenerator: (c: Context) => string,
): { ask?: MiddlewareHandler; search?: MiddlewareHandler; feedback?: MiddlewareHandler } {
  const limiter = (limit: number, skipFailedRequests = true) =>
    limit > 0
      ? rateLimiter({ windowMs: 60_000, limit, keyGenerator, standardHeaders: 'draft-6', skipFailedRequests, handler: rateLimited })
      : undefined;
  // Feedback on an unknown answerId is a 404 that still costs a database lookup: it uses budget too.
  return { ask: limiter(askPerMinute), search: limiter(searchPerMinute), feedback: limiter(feedbackPerMinute, false) };
}

/**
 * Staff login attempts per client address per 15 minutes: every attempt counts, failed ones above
 * all (password guessing), so nothing is given back; a 429 answers the rest of the window.
 */
export function nodeLoginLimit(perWindow: number, keyGenerator: (c: Context) => string): MiddlewareHandler | undefined {
  if (perWindow <= 0) return undefined;
  return rateLimiter({ windowMs: 15 * 60_000, limit: perWindow, keyGenerator, standardHeaders: 'draft-6', handler: rateLimited });
}
