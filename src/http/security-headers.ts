import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** Response headers a widget on another site may read (CORS hides all others from its script). */
export const EXPOSED_HEADERS = [
  'Retry-After',
  'RateLimit',
  'RateLimit-Policy',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'X-Request-Id',
];

export interface SecurityHeaderOptions {
  /** CSP `frame-ancestors`: `'self'` (default), `'none'`, or origins allowed to frame the pages. */
  frameAncestors?: string[];
}

/**
 * Hono's `secureHeaders` for every response: nosniff, `Referrer-Policy: no-referrer`, and a CSP
 * that allows only this origin's scripts and styles (the pages carry no inline script or style).
 * A header set closer to the handler wins (`overwrite: false`): widget.js sets its own
 * `Cross-Origin-Resource-Policy` so other sites can load it. HSTS is left to the TLS terminator,
 * which knows whether every sub-domain speaks HTTPS.
 */
export function securityHeaders({ frameAncestors = ["'self'"] }: SecurityHeaderOptions = {}): MiddlewareHandler {
  return secureHeaders({
    overwrite: false,
    strictTransportSecurity: false,
    xFrameOptions: legacyFrameOptions(frameAncestors),
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors,
    },
  });
}

/** `X-Frame-Options` for browsers without CSP 3; it cannot name other origins, so it is left out then. */
function legacyFrameOptions(frameAncestors: string[]): string | false {
  if (frameAncestors.length === 1 && frameAncestors[0] === "'none'") return 'DENY';
  if (frameAncestors.length === 1 && frameAncestors[0] === "'self'") return 'SAMEORIGIN';
  return false;
}
