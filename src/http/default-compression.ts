import type { ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { getRuntimeKey } from 'hono/adapter';
import { compress, COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';
import { parseAccept } from 'hono/utils/accept';
import { brotli } from './brotli.js';

/** A server-sent event must reach the reader when written; a compressor would hold it back. */
const compressible = (type: string) => !/^\s*text\/event-stream/i.test(type) && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type);

/**
 * Brotli or gzip for JSON, HTML, JS and CSS on Node: brotli (node:zlib) for clients that accept it, else
 * Hono's `compress` (gzip; it honours `Accept-Encoding`, `no-transform` and sets `Vary`). Workers compress
 * at Cloudflare's edge, so nothing is done there. Event streams (/api/chat) are never compressed.
 */
export function defaultCompression({
  runtime = getRuntimeKey(),
  jsonPath = () => false,
}: {
  runtime?: string;
  /**
   * Paths that answer JSON whatever happens (the API but for the chat stream): their `Vary` goes onto
   * Node's outgoing message up front, as `responseHeaders` does, instead of being appended to the
   * finished response, which made @hono/node-server build and copy a `Headers` object per request.
   */
  jsonPath?: (path: string) => boolean;
} = {}): MiddlewareHandler | false {
  if (runtime !== 'node') return false;
  const gzip = compress({ contentTypeFilter: compressible });
  const br = brotli(compressible);
  const encode: MiddlewareHandler = br
    ? (c, next) =>
        gzip(c, async function brotliFirst() {
          await br(c, next);
        })
    : gzip;
  return async function compressResponse(c, next) {
    if (acceptsEncoding(c.req.header('accept-encoding'))) return encode(c, next);
    // A client that takes no encoding (API clients, load tests) gets the response untouched: Hono's `compress`
    // sets Vary through `c.header`, which rebuilds the response and sends @hono/node-server down its slow path.
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (outgoing && !outgoing.headersSent && jsonPath(c.req.path)) {
      outgoing.setHeader('Vary', 'Accept-Encoding');
      return next();
    }
    await next();
    if (compressible(c.res.headers.get('content-type') ?? '')) c.res.headers.append('Vary', 'Accept-Encoding');
  };
}

/** Does the client take gzip, deflate or brotli (or any encoding, `*`)? */
function acceptsEncoding(header: string | undefined): boolean {
  return header !== undefined && parseAccept(header).some((a) => a.q > 0 && /^(?:gzip|deflate|br|\*)$/i.test(a.type));
}
