import type { ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { securityHeaderList, type SecurityHeaderOptions } from './security-headers.js';

export interface ResponseHeaderOptions extends SecurityHeaderOptions {
  /** Paths whose answers no browser or proxy may keep (`Cache-Control: no-store`): computed per request, possibly a citizen's question. */
  noStore?: (path: string) => boolean;
}

/**
 * What every response carries: the security headers, `X-Request-Id` (see `requestId`) and, on
 * API paths, `Cache-Control: no-store`. A header the route sets itself wins (widget.js sets its
 * own `Cross-Origin-Resource-Policy` and `Cache-Control`).
 *
 * On Node they go onto the outgoing message, which `node:http` merges under the headers the
 * response brings: Hono then builds no `Headers` object for a plain JSON answer, and
 * `@hono/node-server` writes it on its fast path (a dozen `Headers` operations per response
 * were a tenth of a repeated question's cost). Elsewhere (Workers, `app.request()`) they are set
 * through the context before the route runs, and onto a Response a route builds itself after.
 */
export function responseHeaders({ noStore = () => false, ...security }: ResponseHeaderOptions = {}): MiddlewareHandler {
  const lists = securityHeaderList(security).then((headers) => ({
    page: headers,
    api: [...headers, ['Cache-Control', 'no-store']] as [string, string][],
  }));
  return async function responseHeaders(c, next) {
    const { page, api } = await lists;
    const headers = noStore(c.req.path) ? api : page;
    const id = String(c.get('requestId' as never) ?? '');
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (outgoing && !outgoing.headersSent) {
      for (const [name, value] of headers) outgoing.setHeader(name, value);
      if (id) outgoing.setHeader('X-Request-Id', id);
      return next();
    }
    for (const [name, value] of headers) c.header(name, value);
    if (id) c.header('X-Request-Id', id);
    await next();
    fillIn(c, headers, id);
  };
}

/** A Response the route built itself (the chat stream) has none of the headers set before it ran. */
function fillIn(c: Context, headers: [string, string][], id: string) {
  const finished = c.res.headers;
  if (headers[0] && finished.has(headers[0][0])) return;
  for (const [name, value] of headers) if (!finished.has(name)) finished.set(name, value);
  if (id && !finished.has('X-Request-Id')) finished.set('X-Request-Id', id);
}
