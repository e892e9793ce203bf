import { Hono, type MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import type { QaService } from '../../qa-service.js';
import type { Store } from '../../store/store.js';
import type { OverrideBook } from '../../staff/override-book.js';
import { type CandidateFile, staffActionRoutes } from './staff-action-routes.js';
import { staffAuthRoutes } from './staff-auth-routes.js';
import { staffReviewRoutes } from './staff-review-routes.js';
import { requireCsrfToken, requireStaff, requireStaffPage, type StaffEnv } from './staff-session.js';

export interface StaffOptions {
  store: Store;
  /** The approvals and referrals answering uses: re-read after each change. */
  book: OverrideBook;
  sessionHours: number;
  loginLimit?: MiddlewareHandler;
  candidates?: CandidateFile;
}

/**
 * The staff review behind its login: `/api/staff/*` (401 JSON without a session) and the
 * `/staff/review` page (a redirect to `/staff/login` without one). Hono's `csrf` refuses
 * cross-site form posts by Origin (compared by host, so a TLS-terminating proxy in front does not
 * break it); each change also needs the session's token in X-CSRF-Token.
 */
export function staffRoutes(service: QaService, { store, book, sessionHours, loginLimit, candidates }: StaffOptions): Hono {
  const app = new Hono<StaffEnv>();
  app.use('/api/staff/*', csrf({ origin: (origin, c) => sameHost(origin, c.req.header('host')) }));
  app.route('/api/staff', staffAuthRoutes({ store, sessionHours, loginLimit }));
  const guarded = new Hono<StaffEnv>();
  for (const path of GUARDED) guarded.use(path, requireStaff(store), requireCsrfToken());
  guarded.route('/', staffReviewRoutes(store, service));
  guarded.route('/', staffActionRoutes({ store, service, book, candidates }));
  app.route('/api/staff', guarded);
  app.use('/staff/review', requireStaffPage(store));
  app.use('/staff/review/*', requireStaffPage(store));
  app.get('/staff/review', (c) => c.redirect('/staff/review/', 301));
  app.get('/staff/login', (c) => c.redirect('/staff/login/', 301));
  return app as unknown as Hono;
}

/** Every staff path but the login's: a path added here is behind the session and the CSRF token. */
const GUARDED = ['/review', '/approved', '/approved/*', '/referrals', '/referrals/*', '/vocab', '/vocab/*', '/export'];

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
