import type { Context } from 'hono';
import { errorResponse } from './error-response.js';

/** What a client over its limit receives: 429 with a JSON error and a hint when to retry. */
export function rateLimited(c: Context) {
  c.header('Retry-After', '60');
  return errorResponse(c, 'rate_limited', 'Too many requests from this address. Please wait a minute and try again.');
}
