import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { Config } from '../config.js';
import { rateLimited } from '../http/rate-limited.js';

/**
 * In-memory per-client limits for one Node process (hono-rate-limiter's MemoryStore, one-minute
 * windows), keyed by `keyGenerator` (the client address, see `clientAddress`). Only answered
 * requests use budget: a refused one (400, 413, 415 …) is given back (`skipFailedRequests`).
 */
export function nodeRateLimits(
  { askPerMinute, searchPerMinute }: Config['rateLimits'],
  keyGenerator: (c: Context) => string,
): { ask?: MiddlewareHandler; search?: MiddlewareHandler } {
  const limiter = (limit: number) =>
    limit > 0
      ? rateLimiter({ windowMs: 60_000, limit, keyGenerator, standardHeaders: 'draft-6', skipFailedRequests: true, handler: rateLimited })
      : undefined;
  return { ask: limiter(askPerMinute), search: limiter(searchPerMinute) };
}
