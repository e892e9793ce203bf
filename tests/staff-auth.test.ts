import { describe, expect, it } from 'vitest';
import { nodeLoginLimit } from '../src/node/node-rate-limits.js';
import { addStaffUser } from '../src/staff/staff-accounts.js';
import { json } from './helpers.js';
import { realDatabases } from './real-databases.js';
import { logIn, STAFF, staffFixture, staffPost } from './staff-fixture.js';

/** Sessions, their expiry and the audit log are SQL: the same checks on a real SQLite file and a real PostgreSQL server. */
const { dialects } = realDatabases('staff_auth');

for (const database of dialects)
  describe.skipIf(database.skip)(`on ${database.name}`, () => {
    const f = staffFixture({ open: database.open });
    const auditRows = (action: string) => f.store.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

    describe('the staff review behind its login', () => {
      it('shows no recorded question without a session: the API answers 401 JSON, the page redirects to the login', async () => {
        const api = await f.app.request('/api/staff/review');
        expect(api.status).toBe(401);
        expect((await json(api)).error.code).toBe('unauthorized');
        const page = await f.app.request('/staff/review/');
        expect(page.status).toBe(303);
        expect(page.headers.get('location')).toBe('/staff/login/?next=%2Fstaff%2Freview%2F');
        const forged = await f.app.request('/api/staff/review', { headers: { Cookie: 'staff_session=not-a-session' } });
        expect(forged.status).toBe(401);
      });

      it('puts every staff API route but logging in behind the session, including routes added later', async () => {
        const open = new Set(['/api/staff/login']);
        const routes = f.app.routes.filter((r) => r.path.startsWith('/api/staff/') && r.method !== 'ALL' && !open.has(r.path));
        expect(routes.length).toBeGreaterThan(8);
        for (const { method, path } of routes) {
          const url = path.replace(/:(\w+)/g, 'x1');
          const res = await f.app.request(url, {
            method,
            headers: { 'Content-Type': 'application/json' },
            body: method === 'GET' ? undefined : '{}',
          });
          expect(res.status, `${method} ${path}`).toBe(401);
        }
      });

      it('refuses a wrong password (and an unknown user) alike, and audits the attempt without the password', async () => {
        for (const credentials of [
          { username: STAFF.username, password: 'wrong password!!' },
          { username: 'nobody', password: STAFF.password },
        ]) {
          const res = await f.app.request('/api/staff/login', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(credentials),
          });
          expect(res.status).toBe(401);
          expect(res.headers.get('set-cookie')).toBeNull();
        }
        const failed = await auditRows('login-failed');
        expect(failed.map((r) => r.target)).toEqual(expect.arrayContaining([STAFF.username, 'nobody']));
        expect(JSON.stringify(failed)).not.toContain('wrong password');
        const stored = await f.store.db.selectFrom('staff_users').select('password_hash').executeTakeFirstOrThrow();
        expect(stored.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
        expect(stored.password_hash).not.toContain(STAFF.password);
      });

      it('answers bad login bodies with 4xx JSON, never 5xx', async () => {
        for (const [body, type, status] of [
          ['{not json', 'application/json', 400],
          ['{"username": 3}', 'application/json', 400],
          ['username=a&password=b', 'application/x-www-form-urlencoded', 403], // a cross-site form is refused first
        ] as const) {
          const res = await f.app.request('/api/staff/login', {
            method: 'POST',
            headers: { 'Content-Type': type, Origin: 'https://evil.example' },
            body,
          });
          expect(res.status, body).toBe(status);
        }
      });

      it('sets an HttpOnly, SameSite=Strict session cookie, Secure except on plain http to localhost; the database keeps only its hash', async () => {
        const local = await logIn(f.app);
        expect(local.setCookie).toMatch(/^staff_session=[\w-]{43}; Max-Age=28800; Path=\/; HttpOnly; SameSite=Strict$/);
        const remote = await logIn(f.app, STAFF, 'http://staff.shishi.example');
        expect(remote.setCookie).toMatch(/; Secure/);
        const token = local.cookie.split('=')[1]!;
        const rows = await f.store.db.selectFrom('staff_sessions').select('id').execute();
        expect(rows.some((r) => r.id === token)).toBe(false);
        expect(rows).toHaveLength(2);
        expect((await auditRows('login')).length).toBeGreaterThanOrEqual(2);
        const review = await f.app.request('/api/staff/review', { headers: { Cookie: local.cookie } });
        expect(review.status).toBe(200);
        expect((await json(review)).user).toBe(STAFF.username);
      });

      it('refuses a change without the session CSRF token (403), and a cross-site form post', async () => {
        const who = await logIn(f.app);
        const body = { question: '办护照去哪里？', office: '石狮市公安局出入境管理大队', phone: '0595-88888888' };
        const noToken = await f.app.request('/api/staff/referrals', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: who.cookie },
          body: JSON.stringify(body),
        });
        expect(noToken.status).toBe(403);
        expect((await json(noToken)).error.code).toBe('forbidden');
        const wrongToken = await staffPost(f.app, { ...who, csrfToken: 'x'.repeat(43) }, '/api/staff/referrals', body);
        expect(wrongToken.status).toBe(403);
        const form = await f.app.request('/api/staff/referrals', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: who.cookie, Origin: 'https://evil.example' },
          body: 'question=x',
        });
        expect(form.status).toBe(403);
        expect(await f.store.db.selectFrom('referrals').selectAll().execute()).toEqual([]);
      });

      it('gives an account a new password when staff:add names it again: the old password and its sessions stop working', async () => {
        const before = await logIn(f.app);
        const changed = { ...STAFF, password: 'a brand new passphrase' };
        expect(await addStaffUser(f.store, changed.username, changed.password)).toBe('updated');
        expect((await f.app.request('/api/staff/review', { headers: { Cookie: before.cookie } })).status).toBe(401);
        await expect(logIn(f.app)).rejects.toThrow(/login failed: 401/);
        const after = await logIn(f.app, changed);
        expect((await f.app.request('/api/staff/review', { headers: { Cookie: after.cookie } })).status).toBe(200);
        expect(await f.store.db.selectFrom('staff_users').select('username').execute()).toEqual([{ username: STAFF.username }]);
        await addStaffUser(f.store, STAFF.username, STAFF.password); // as the other tests expect
      });

      it('ends a session at its expiry and at logout (audited)', async () => {
        const who = await logIn(f.app);
        const hash = (
          await f.store.db.selectFrom('staff_sessions').select(['id', 'created_at']).orderBy('created_at', 'desc').executeTakeFirstOrThrow()
        ).id;
        await f.store.db
          .updateTable('staff_sessions')
          .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
          .where('id', '=', hash)
          .execute();
        expect((await f.app.request('/api/staff/review', { headers: { Cookie: who.cookie } })).status).toBe(401);

        const again = await logIn(f.app);
        const out = await staffPost(f.app, again, '/api/staff/logout', {});
        expect(out.status).toBe(200);
        expect(out.headers.get('set-cookie')).toMatch(/^staff_session=; Max-Age=0/);
        expect((await f.app.request('/api/staff/review', { headers: { Cookie: again.cookie } })).status).toBe(401);
        expect(await auditRows('logout')).toHaveLength(1);
      });
    });
  });

describe('login attempts', () => {
  const limited = staffFixture({ loginLimit: nodeLoginLimit(3, () => 'one client') });

  it('are limited per client address: past the limit even the right password gets 429', async () => {
    const attempt = (password: string) =>
      limited.app.request('/api/staff/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: STAFF.username, password }),
      });
    expect((await attempt('guess number one')).status).toBe(401);
    expect((await attempt('guess number two')).status).toBe(401);
    expect((await attempt(STAFF.password)).status).toBe(200);
    const refused = await attempt(STAFF.password);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();
  });
});
