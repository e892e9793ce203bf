import type { Context, MiddlewareHandler } from 'hono';

/** One finished request, as the request log records it (never bodies, query strings or headers). */
export interface RequestLogEntry {
  /** Also sent back as the X-Request-Id header. */
  reqId: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  /** The client's address, recorded for refused requests (429) only. */
  client?: string;
}

export interface RequestLogOptions {
  /** Receives every finished request; the runtime decides what to write (Node: JSON lines through pino). */
  write: (entry: RequestLogEntry) => void;
  /** The client's address as the runtime determines it (behind trusted proxies on Node). */
  clientAddress?: (c: Context) => string;
}

/**
 * Time each request and hand a structured entry to the log. The path is a field of a JSON
 * record, so a percent-encoded CR/LF in it is escaped by the serializer and cannot forge lines.
 */
export function logRequests({ write, clientAddress }: RequestLogOptions): MiddlewareHandler {
  return async function logRequest(c, next) {
    const started = performance.now();
    await next();
    const status = c.res.status;
    const entry: RequestLogEntry = {
      reqId: String(c.get('requestId' as never) ?? ''),
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    if (status === 429 && clientAddress) entry.client = clientAddress(c);
    write(entry);
  };
}
