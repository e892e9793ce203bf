import type { Context } from 'hono';
import type { z } from 'zod';
import { ServiceError } from '../../errors.js';

/**
 * The JSON body checked against `schema`; anything else is a 400 the client can read (thrown as a
 * ServiceError, which `onError` turns into the JSON error): never a 500 from a client's mistake.
 */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? ''))
    throw new ServiceError('unsupported_media_type', 'Send the body as JSON with the header Content-Type: application/json.');
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ServiceError('invalid_json', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ServiceError('invalid_request', parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
}
