import type { Context, MiddlewareHandler } from 'hono';
import type { RequestLogEntry, RequestLogOptions } from './log-requests.js';
import { responseHeaderWriter, type ResponseHeaderOptions } from './response-headers.js';

export interface RequestEdgeOptions extends ResponseHeaderOptions {
  /** One entry per finished request (see `RequestLogEntry`); none without it. */
  log?: RequestLogOptions;
}

/**
 * What every request passes through first, as one middleware: its id (`requestId`), the
 * response headers (`responseHeaders`) and, with `log`, one log entry when it is finished. They
 * were three layers of Hono's chain, each a closure and a promise per request, and the id went
 * through the context's variables; a repeated question costs little else (bench:load).
 */
export function requestEdge({ log, ...headers }: RequestEdgeOptions = {}): MiddlewareHandler {
  const writeHeaders = responseHeaderWriter(headers);
  if (!log) {
    return async function requestEdge(c, next) {
      let finish = writeHeaders(c, requestId(c));
      if (finish instanceof Promise) finish = await finish;
      if (!finish) return next();
      await next();
      finish();
    };
  }
  const { write, clientAddress } = log;
  return async function requestEdge(c, next) {
    const started = performance.now();
    const id = requestId(c);
    let finish = writeHeaders(c, id);
    if (finish instanceof Promise) finish = await finish;
    await next();
    finish?.();
    const status = c.res.status;
    const entry: RequestLogEntry = {
      reqId: id,
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    if (status === 429 && clientAddress) entry.client = clientAddress(c);
    write(entry);
  };
}

/** The request id a proxy sent, if it is one `hono/request-id` itself would keep (≤ 255 of `[\w\-=]`); otherwise a new UUID. */
export function requestId(c: Context): string {
  const sent = c.req.header('x-request-id');
  return sent && sent.length <= 255 && !/[^\w\-=]/.test(sent) ? sent : crypto.randomUUID();
}
