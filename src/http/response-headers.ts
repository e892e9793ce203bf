import type { ServerResponse } from 'node:http';
import type { Context } from 'hono';
import { securityHeaderList, type SecurityHeaderOptions } from './security-headers.js';

export interface ResponseHeaderOptions extends SecurityHeaderOptions {
  /** Paths whose answers no browser or proxy may keep (`Cache-Control: no-store`): computed per request, possibly a citizen's question. */
  noStore?: (path: string) => boolean;
}

/**
 * What every response carries: the security headers, `X-Request-Id` and, on API paths,
 * `Cache-Control: no-store`. A header the route sets itself wins (widget.js sets its own
 * `Cross-Origin-Resource-Policy` and `Cache-Control`).
 *
 * On Node they go onto the outgoing message, which `node:http` merges under the headers the
 * response brings: Hono then builds no `Headers` object for a plain JSON answer, and
 * `@hono/node-server` writes it on its fast path (a dozen `Headers` operations per response
 * were a tenth of a repeated question's cost). Elsewhere (Workers, `app.request()`) they are set
 * through the context before the route runs, and onto a Response a route builds itself after:
 * the writer then returns the function to call once the route has run.
 */
export function responseHeaderWriter({ noStore = () => false, ...security }: ResponseHeaderOptions = {}) {
  let lists: { page: [string, string][]; api: [string, string][] } | undefined;
  const made = securityHeaderList(security).then((headers) => {
    lists = { page: headers, api: [...headers, ['Cache-Control', 'no-store']] };
    return lists;
  });
  function write(c: Context, id: string, { page, api }: NonNullable<typeof lists>): (() => void) | undefined {
    const headers = noStore(c.req.path) ? api : page;
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (outgoing && !outgoing.headersSent) {
      for (const [name, value] of headers) outgoing.setHeader(name, value);
      outgoing.setHeader('X-Request-Id', id);
      return undefined;
    }
    for (const [name, value] of headers) c.header(name, value);
    c.header('X-Request-Id', id);
    return () => fillIn(c, headers, id);
  }
  /** Sets the headers; resolves to what to run after the route, if anything (a promise only until the list is made, once). */
  return function writeResponseHeaders(c: Context, id: string): (() => void) | undefined | Promise<(() => void) | undefined> {
    return lists ? write(c, id, lists) : made.then((l) => write(c, id, l));
  };
}

/** A Response the route built itself (the chat stream) has none of the headers set before it ran. */
function fillIn(c: Context, headers: [string, string][], id: string) {
  const finished = c.res.headers;
  if (headers[0] && finished.has(headers[0][0])) return;
  for (const [name, value] of headers) if (!finished.has(name)) finished.set(name, value);
  if (!finished.has('X-Request-Id')) finished.set('X-Request-Id', id);
}
