import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ERROR_CODES, ServiceError, type ErrorCode } from '../errors.js';

/** `{"error": {"code", "message"}}` with the status from the error table. */
export function errorResponse<C extends ErrorCode>(c: Context, code: C, message: string) {
  return c.json({ error: { code, message } }, ERROR_CODES[code] as (typeof ERROR_CODES)[C]);
}

/**
 * The single place errors become HTTP responses. Client mistakes keep their 4xx;
 * anything unexpected is logged and answered with a generic 500 that leaks nothing.
 */
export function onError(err: Error, c: Context) {
  if (err instanceof ServiceError) return errorResponse(c, err.code, err.message);
  if (err instanceof HTTPException) {
    if (err.status === 400) return errorResponse(c, 'invalid_json', 'The request body is not valid JSON.');
    if (err.status === 413) return errorResponse(c, 'payload_too_large', 'The request body is too large.');
    return c.json({ error: { code: `http_${err.status}`, message: err.message || 'Request failed.' } }, err.status);
  }
  console.error(`[error] ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
  return errorResponse(c, 'internal', 'Something went wrong on our side. Please try again.');
}
