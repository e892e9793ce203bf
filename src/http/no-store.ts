import type { Context, Next } from 'hono';

/**
 * API answers are computed per request and may carry a citizen's question: no browser or proxy
 * cache keeps them (`Cache-Control: no-store`), unless a route chose its own policy.
 */
export async function noStore(c: Context, next: Next) {
  // Set first, where a route's own Cache-Control replaces it; a Response the route built itself is checked after.
  c.header('Cache-Control', 'no-store');
  await next();
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
}
