import type { Context } from 'hono';

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
