import type { MiddlewareHandler } from 'hono';
import { getRuntimeKey } from 'hono/adapter';
import { compress, COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';
import { brotli } from './brotli.js';

/** A server-sent event must reach the reader when written; a compressor would hold it back. */
const compressible = (type: string) => !/^\s*text\/event-stream/i.test(type) && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type);

/**
 * Brotli or gzip for JSON, HTML, JS and CSS on Node: brotli (node:zlib) for clients that accept it, else
 * Hono's `compress` (gzip; it honours `Accept-Encoding`, `no-transform` and sets `Vary`). Workers compress
 * at Cloudflare's edge, so nothing is done there. Event streams (/api/chat) are never compressed.
 */
export function defaultCompression(runtime = getRuntimeKey()): MiddlewareHandler | false {
  if (runtime !== 'node') return false;
  const gzip = compress({ contentTypeFilter: compressible });
  const br = brotli(compressible);
  if (!br) return gzip;
  return function compressResponse(c, next) {
    return gzip(c, async function brotliFirst() {
      await br(c, next);
    });
  };
}
