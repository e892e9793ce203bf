import type { MiddlewareHandler } from 'hono';
import { getRuntimeKey } from 'hono/adapter';
import { compress, COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';

/** A server-sent event must reach the reader when written; a compressor would hold it back. */
const compressible = (type: string) => !/^\s*text\/event-stream/i.test(type) && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type);

/**
 * gzip for JSON, HTML, JS and CSS on Node (Hono's `compress`, which honours `Accept-Encoding`,
 * `no-transform` and sets `Vary`). Workers compress at Cloudflare's edge, so nothing is done there.
 * Event streams (/api/chat) are never compressed.
 */
export function defaultCompression(runtime = getRuntimeKey()): MiddlewareHandler | false {
  if (runtime !== 'node') return false;
  return compress({ contentTypeFilter: compressible });
}
