import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Store } from '../../store/store.js';
import { findSession, type StaffSession } from '../../staff/staff-sessions.js';
import { errorResponse } from '../error-response.js';

export const SESSION_COOKIE = 'staff_session';
export const CSRF_HEADER = 'X-CSRF-Token';

export type StaffEnv = { Variables: { staff: StaffSession } };

/** `Secure` everywhere but plain http on this machine (a developer's localhost, the tests). */
function secureCookie(c: Context): boolean {
  const url = new URL(c.req.url);
  return !(url.protocol === 'http:' && /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname));
}

export function setSessionCookie(c: Context, token: string, hours: number) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: secureCookie(c),
    path: '/',
    maxAge: Math.round(hours * 3600),
  });
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookie(c), httpOnly: true, sameSite: 'Strict' });
}

export const sessionOf = (store: Store, c: Context) => findSession(store, getCookie(c, SESSION_COOKIE));

/** The API behind the login: 401 JSON without a live session. */
export function requireStaff(store: Store): MiddlewareHandler<StaffEnv> {
  return async function requireStaff(c, next) {
    const session = await sessionOf(store, c);
    if (!session) return errorResponse(c, 'unauthorized', 'Log in at /staff/login to see recorded questions.');
    c.set('staff', session);
    await next();
  };
}

/**
 * Every change needs the session's CSRF token in the X-CSRF-Token header (the page reads it from
 * /api/staff/session; another site can neither read it nor, with SameSite=Strict, send the cookie).
 */
export function requireCsrfToken(): MiddlewareHandler<StaffEnv> {
  return async function requireCsrfToken(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const sent = Buffer.from(c.req.header(CSRF_HEADER) ?? '');
      const expected = Buffer.from(c.get('staff').csrfToken);
      if (sent.length !== expected.length || !timingSafeEqual(sent, expected))
        return errorResponse(c, 'forbidden', 'The change was refused: reload the review page and try again (missing CSRF token).');
    }
    await next();
  };
}

/** A page behind the login: without a session the browser is sent to the login page, which brings it back. */
export function requireStaffPage(store: Store): MiddlewareHandler {
  return async function requireStaffPage(c, next) {
    if (!(await sessionOf(store, c))) return c.redirect(`/staff/login/?next=${encodeURIComponent(c.req.path)}`, 303);
    await next();
    // After the page is served: whatever serves it (Node's serveStatic, the Workers assets binding) brings its own.
    c.res.headers.set('Cache-Control', 'no-store');
  };
}
