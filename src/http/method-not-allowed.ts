import type { Hono } from 'hono';
import { errorResponse } from './error-response.js';

/**
 * After the routes of `app` are registered: a path that exists, asked with a method it does not
 * take, is answered 405 with `Allow` (RFC 9110 §15.5.6) instead of a misleading 404. `OPTIONS`
 * without CORS gets 204 and the same `Allow`. HEAD is allowed wherever GET is (Hono answers it).
 */
export function answerMethodNotAllowed(app: Pick<Hono, 'routes' | 'all'>): void {
  const methodsByPath = new Map<string, Set<string>>();
  for (const { method, path } of app.routes) {
    if (method === 'ALL') continue;
    const methods = methodsByPath.get(path) ?? new Set<string>();
    methods.add(method);
    if (method === 'GET') methods.add('HEAD');
    methodsByPath.set(path, methods.add('OPTIONS'));
  }
  for (const [path, methods] of methodsByPath) {
    const allow = [...methods].join(', ');
    app.all(path, function methodNotAllowed(c) {
      c.header('Allow', allow);
      if (c.req.method === 'OPTIONS') return c.body(null, 204);
      return errorResponse(c, 'method_not_allowed', `${c.req.method} is not allowed on ${c.req.path}; use ${allow}.`);
    });
  }
}
