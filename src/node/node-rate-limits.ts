import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { Config } from '../config.js';
import { rateLimited } from '../http/rate-limited.js';

/** The client's address as the socket reports it (headers such as X-Forwarded-For can be forged). */
export function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not a Node socket (app.request in tests)
  }
}

/** In-memory per-client limits for one Node process (hono-rate-limiter's MemoryStore, one-minute windows). */
export function nodeRateLimits({ askPerMinute, searchPerMinute }: Config['rateLimits'], keyGenerator: (c: Context) => string = socketAddress): { ask?: MiddlewareHandler; search?: MiddlewareHandler } {
  const limiter = (limit: number) => (limit > 0 ? rateLimiter({ windowMs: 60_000, limit, keyGenerator, standardHeaders: 'draft-6', handler: rateLimited }) : undefined);
  return { ask: limiter(askPerMinute), search: limiter(searchPerMinute) };
}
