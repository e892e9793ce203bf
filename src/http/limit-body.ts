import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorResponse } from './error-response.js';

/** The Node request stream as @hono/node-server passes it in `c.env` (typed here to keep this file runtime-neutral). */
interface IncomingStream {
  headers: Record<string, string | string[] | undefined>;
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
  rawBody?: Buffer;
}

/**
 * Refuse a request body over `maxBytes` with 413, without slowing the common case.
 *
 * Hono's `bodyLimit` reads `c.req.raw.body`, which makes @hono/node-server build a whole
 * undici Request for every POST (its slow path). Here a body with Content-Length is judged by
 * the header alone (Node's parser never reads past it), and a chunked body on Node is read
 * here, counting bytes, and handed on as `incoming.rawBody`, which the adapter's fast body
 * path reads. Other runtimes (Workers, `app.request()`) fall back to Hono's `bodyLimit`.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = (c: Context) => {
    c.header('Connection', 'close'); // the rest of the body is not wanted: do not keep reading it for the next request
    return errorResponse(c, 'payload_too_large', `The request body is larger than ${maxBytes} bytes.`);
  };
  const generic = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async function limitBodySize(c, next) {
    const length = c.req.header('content-length');
    if (length !== undefined) return Number(length) > maxBytes ? tooLarge(c) : next();
    const incoming = (c.env as { incoming?: IncomingStream } | undefined)?.incoming;
    if (!incoming || typeof incoming.on !== 'function') return generic(c, next);
    if (c.req.header('transfer-encoding') === undefined) return next(); // HTTP/1.1: neither header, no body
    const body = await readAtMost(incoming, maxBytes);
    if (body === 'too_large') return tooLarge(c);
    if (body === 'ended_early') return errorResponse(c, 'invalid_request', 'The request body ended before it was complete.');
    incoming.rawBody = body;
    return next();
  };
}

/** The whole stream, or 'too_large' as soon as it passes `maxBytes` (the rest is left to the adapter's drain). */
function readAtMost(incoming: IncomingStream, maxBytes: number): Promise<Buffer | 'too_large' | 'ended_early'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | 'too_large' | 'ended_early') => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onEarlyEnd);
      incoming.off('close', onEarlyEnd);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return finish('too_large');
      chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks, size));
    const onEarlyEnd = () => finish('ended_early');
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onEarlyEnd);
    incoming.on('close', onEarlyEnd);
  });
}
