/** Every error the service reports, with the HTTP status it becomes at the edge. */
export const ERROR_CODES = {
  invalid_request: 400,
  invalid_json: 400,
  /** No staff session (or an expired one). */
  unauthorized: 401,
  /** A staff change without its CSRF token. */
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  /** A dependency (the database) is down; the request may be retried later. */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error meant for the client: a code from the table and a message a person understands. */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.details = details;
  }
  get status(): (typeof ERROR_CODES)[ErrorCode] {
    return ERROR_CODES[this.code];
  }
}

export function createError(code: ErrorCode, message: string, details?: unknown): ServiceError {
  return new ServiceError(code, message, details);
}
