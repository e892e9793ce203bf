import type { Context, MiddlewareHandler, Next } from 'hono';
import { etag } from 'hono/etag';
import { sha256Hex } from '../text/sha256-hex.js';

/** Length of the content hash in `/widget.js?v=…` (hex characters of SHA-256). */
export const WIDGET_VERSION_CHARS = 12;

/** `?v=` that names the content served: it never changes, so a browser may keep it a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The plain URL (or an old `v`): kept 5 minutes, then revalidated with its ETag (a 304 when unchanged). */
const SHORT = 'public, max-age=300';

/** The version of the widget served for a request, read by the outer half from the inner half. */
const versions = new WeakMap<Request, string>();

/** The widget's version: the first characters of the SHA-256 of its bytes, as `npm run build:web` writes it into pages. */
export async function widgetVersion(bytes: ArrayBuffer): Promise<string> {
  return (await sha256Hex(bytes)).slice(0, WIDGET_VERSION_CHARS);
}

/**
 * Caching of `widget.js`, which other sites embed, in two halves around the compressor:
 * - `outer` (before compression): a strong ETag per representation (Hono's `etag`: the
 *   gzip and identity bodies get different tags), 304 on `If-None-Match`, `Cache-Control`
 *   (a year and immutable for the current `?v=`, 5 minutes otherwise), and
 *   `Cross-Origin-Resource-Policy: cross-origin` so pages elsewhere may load it;
 * - `inner` (after compression, next to the file): the content hash of the uncompressed bytes.
 */
export function cacheWidget(): { outer: MiddlewareHandler; inner: MiddlewareHandler } {
  const tag = etag();
  async function outer(c: Context, next: Next) {
    await tag(c, async function setCachePolicy() {
      await next();
      if (c.res.status !== 200) return;
      const version = versions.get(c.req.raw);
      c.res.headers.set('Cache-Control', version && c.req.query('v') === version ? IMMUTABLE : SHORT);
      c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
    });
  }
  async function inner(c: Context, next: Next) {
    await next();
    if (c.res.status === 200 && c.req.method === 'GET') versions.set(c.req.raw, await widgetVersion(await c.res.clone().arrayBuffer()));
  }
  return { outer, inner };
}
