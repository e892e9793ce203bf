import type { Context, MiddlewareHandler, Next } from 'hono';
import { parseAccept } from 'hono/utils/accept';

type Zlib = typeof import('node:zlib');
type Stream = typeof import('node:stream');
type GetBuiltin = (id: string) => unknown;

/**
 * node:zlib and node:stream when running on Node (20.16+ has `process.getBuiltinModule`), found at run time so
 * that the Workers bundle, which has no Node modules, never has to resolve them.
 */
function nodeModules(): { zlib: Zlib; stream: Stream } | undefined {
  const getBuiltinModule = (globalThis as { process?: { getBuiltinModule?: GetBuiltin } }).process?.getBuiltinModule;
  if (!getBuiltinModule) return undefined;
  return { zlib: getBuiltinModule('node:zlib') as Zlib, stream: getBuiltinModule('node:stream') as Stream };
}

/** Brotli when the client accepts it at least as much as gzip (browsers send `gzip, deflate, br, zstd`). */
function prefersBrotli(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  const q = (name: string) => parseAccept(acceptEncoding).find((a) => a.type.toLowerCase() === name)?.q ?? 0;
  return q('br') > 0 && q('br') >= q('gzip');
}

/**
 * Brotli for the responses `shouldCompress` accepts, on Node only (undefined elsewhere). Meant to run inside
 * Hono's `compress` (gzip): a response it encodes carries `Content-Encoding`, which `compress` leaves alone.
 * Quality 5 is about as fast as gzip -6 and still smaller.
 */
export function brotli(shouldCompress: (contentType: string) => boolean): MiddlewareHandler | undefined {
  const node = nodeModules();
  if (!node) return undefined;
  const { zlib, stream } = node;
  return async function brotliResponse(c: Context, next: Next) {
    await next();
    // Reading `body` turns @hono/node-server's light response into a full one (its slow path), so it is read last.
    if (c.req.method === 'HEAD' || !prefersBrotli(c.req.header('accept-encoding'))) return;
    const res = c.res;
    if (res.status === 206 || res.headers.has('content-encoding') || !shouldCompress(res.headers.get('content-type') ?? '')) return;
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('cache-control') ?? '')) return;
    if (!res.body) return;
    const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 };
    const encoder = stream.Duplex.toWeb(zlib.createBrotliCompress({ params })) as unknown as TransformStream<Uint8Array, Uint8Array>;
    c.res = new Response(res.body.pipeThrough(encoder), res);
    c.res.headers.delete('Content-Length');
    c.res.headers.set('Content-Encoding', 'br');
    c.res.headers.append('Vary', 'Accept-Encoding');
  };
}
