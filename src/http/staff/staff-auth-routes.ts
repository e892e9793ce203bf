import { Hono, type MiddlewareHandler } from 'hono';
import type { Store } from '../../store/store.js';
import { audit } from '../../staff/audit-log.js';
import { checkCredentials } from '../../staff/staff-accounts.js';
import { closeSession, openSession } from '../../staff/staff-sessions.js';
import { errorResponse } from '../error-response.js';
import { readBody } from './read-body.js';
import { loginSchema } from './staff-schemas.js';
import { clearSessionCookie, requireCsrfToken, requireStaff, setSessionCookie, type StaffEnv } from './staff-session.js';

export interface StaffAuthOptions {
  store: Store;
  sessionHours: number;
  /** Login attempts per client address (hono-rate-limiter on Node); without it, unlimited. */
  loginLimit?: MiddlewareHandler;
}

/** Log in (rate-limited), see who is logged in (and the CSRF token), log out. Every outcome is audited. */
export function staffAuthRoutes({ store, sessionHours, loginLimit }: StaffAuthOptions) {
  const app = new Hono<StaffEnv>();
  if (loginLimit) app.use('/login', loginLimit);
  app.post('/login', async function login(c) {
    const { username, password } = await readBody(c, loginSchema);
    const user = await checkCredentials(store, username, password);
    if (!user) {
      await audit(store, null, 'login-failed', username.slice(0, 40));
      return errorResponse(c, 'unauthorized', 'Wrong user name or password.');
    }
    const { token, session } = await openSession(store, user, sessionHours);
    setSessionCookie(c, token, sessionHours);
    await audit(store, user.id, 'login', user.username);
    return c.json({ username: user.username, csrfToken: session.csrfToken }, 200);
  });
  app.use('/session', requireStaff(store));
  app.get('/session', (c) => c.json({ username: c.get('staff').user.username, csrfToken: c.get('staff').csrfToken }, 200));
  app.use('/logout', requireStaff(store), requireCsrfToken());
  app.post('/logout', async function logout(c) {
    const { id, user } = c.get('staff');
    await closeSession(store, id);
    clearSessionCookie(c);
    await audit(store, user.id, 'logout', user.username);
    return c.json({ status: 'logged-out' }, 200);
  });
  return app;
}
