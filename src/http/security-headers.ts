import { Hono } from 'hono';
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
 * The security headers for every response, from Hono's `secureHeaders`: nosniff,
 * `Referrer-Policy: no-referrer`, and a CSP that allows only this origin's scripts and styles
 * (the pages carry no inline script or style). HSTS is left to the TLS terminator, which knows
 * whether every sub-domain speaks HTTPS. They are the same for every response, so they are read
 * once, as the headers `secureHeaders` gives an empty response (`responseHeaders` sets them).
 */
export function securityHeaderList({ frameAncestors = ["'self'"] }: SecurityHeaderOptions = {}): Promise<[string, string][]> {
  const probe = new Hono();
  probe.use(
    secureHeaders({
      strictTransportSecurity: false,
      xFrameOptions: legacyFrameOptions(frameAncestors),
      contentSecurityPolicy: cspDirectives(frameAncestors),
    }),
  );
  probe.get('/', (c) => c.body(null));
  return Promise.resolve(probe.request('/')).then((res) => [...res.headers]);
}

/** The CSP directives, also written into the Workers assets' `_headers` by `npm run build:web`. */
export function cspDirectives(frameAncestors: string[]) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors,
  };
}

/**
 * The same headers for static files served by the Workers assets binding (before the app runs),
 * as a Cloudflare `_headers` file.
 */
export function staticHeadersFile(frameAncestors: string[]): string {
  const csp = Object.entries(cspDirectives(frameAncestors))
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
    .join('; ');
  const frameOptions = legacyFrameOptions(frameAncestors);
  return [
    '/*',
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: no-referrer',
    `  Content-Security-Policy: ${csp}`,
    ...(frameOptions ? [`  X-Frame-Options: ${frameOptions}`] : []),
    '/widget.js',
    '  Cross-Origin-Resource-Policy: cross-origin',
    '  Cache-Control: public, max-age=300',
    '',
  ].join('\n');
}

/** `X-Frame-Options` for browsers without CSP 3; it cannot name other origins, so it is left out then. */
export function legacyFrameOptions(frameAncestors: string[]): string | false {
  if (frameAncestors.length === 1 && frameAncestors[0] === "'none'") return 'DENY';
  if (frameAncestors.length === 1 && frameAncestors[0] === "'self'") return 'SAMEORIGIN';
  return false;
}
