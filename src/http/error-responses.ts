import { z } from '@hono/zod-openapi';
import { errorSchema } from './schemas.js';

const json = { 'application/json': { schema: errorSchema } };
const header = (description: string) => z.string().optional().openapi({ description });
const rateLimitHeaders = z.object({
  'Retry-After': z.string().openapi({ description: 'Seconds to wait before asking again.' }),
  'RateLimit-Limit': header('Requests allowed per window (IETF draft RateLimit header fields), when the limiter sends it.'),
  'RateLimit-Remaining': header('Requests left in the current window, when the limiter sends it.'),
  'RateLimit-Reset': header('Seconds until the window resets, when the limiter sends it.'),
});

/** How each error status of the API is described in the OpenAPI document; the body is always `Error`. */
const ERROR_RESPONSES = {
  400: { description: 'Invalid input: malformed JSON, wrong types, an empty or over-long question.', content: json },
  401: { description: 'No staff session, or it expired: log in at /staff/login.', content: json },
  403: { description: 'A staff change without a valid CSRF token or from another site.', content: json },
  404: { description: 'No such resource.', content: json },
  405: {
    description: 'The path exists but not for this method; `Allow` lists the methods it takes.',
    headers: z.object({ Allow: z.string().openapi({ description: 'The methods this path accepts, e.g. `POST, OPTIONS`.' }) }),
    content: json,
  },
  413: { description: 'The request body is larger than the limit.', content: json },
  415: { description: 'The body is not sent as `Content-Type: application/json`.', content: json },
  429: { description: 'Too many requests from this client; wait and try again.', headers: rateLimitHeaders, content: json },
  500: { description: 'Unexpected failure on the server side (details are logged, never sent).', content: json },
  503: { description: 'The database is unavailable for now; try again later.', content: json },
} as const;

export type ErrorStatus = keyof typeof ERROR_RESPONSES;

/**
 * The error responses of one operation, for `createRoute({ responses })`.
 * @example responses: { 200: …, ...errorResponses(400, 405, 413, 415, 429) }
 */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]): { [K in S]: (typeof ERROR_RESPONSES)[K] } {
  return Object.fromEntries(statuses.map((s) => [s, ERROR_RESPONSES[s]])) as { [K in S]: (typeof ERROR_RESPONSES)[K] };
}
