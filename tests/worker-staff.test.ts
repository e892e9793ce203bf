import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalWorker, startLocalWorker } from '../evals/lib/wrangler-dev.js';
import { json } from './helpers.js';

/**
 * The staff review on the worker in local workerd (`wrangler dev --local`) over its local D1
 * database, as a deployment goes through it: citizens ask, an account is made the documented
 * way (`staff:add --sql` into `wrangler d1 execute`), staff log in, see the questions, approve
 * and refer, and the next citizens get what staff decided.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const persistTo = mkdtempSync(join(tmpdir(), 'worker-staff-'));
const STAFF = { username: 'hotline.wang', password: 'workers staff password' };
let worker: LocalWorker;

beforeAll(async () => {
  worker = await startLocalWorker({ RATE_LIMIT_ASK_PER_MINUTE: '0' }, { persistTo });
}, 90_000);
afterAll(async () => {
  await worker?.stop();
});

const run = promisify(execFile);
const send = (path: string, init: RequestInit = {}) => fetch(worker.baseUrl + path, { redirect: 'manual', ...init });
const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  send(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
const ask = async (question: string) => json(await postJson('/api/ask', { question }));

/** The documented route: `npm run -s staff:add -- --sql <name>` (password on stdin), then `wrangler d1 execute … --local --file`. */
async function addStaffAccountToD1(username: string, password: string) {
  const child = execFile('npm', ['run', '-s', 'staff:add', '--', '--sql', '--password-stdin', username], { cwd: root });
  child.stdin!.end(`${password}\n`);
  let sql = '';
  child.stdout!.on('data', (chunk: Buffer) => void (sql += chunk.toString()));
  await new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(code) : reject(new Error(`staff:add ${code}`)))));
  expect(sql).toMatch(/^insert into "staff_users"/);
  expect(sql).not.toContain(password);
  const file = join(persistTo, 'staff.sql');
  writeFileSync(file, sql);
  await run(
    join(root, 'node_modules/.bin/wrangler'),
    ['d1', 'execute', 'shishi-fazhi-qa', '--local', '--persist-to', persistTo, '--file', file, '--yes'],
    {
      cwd: root,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1', XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'wrangler-')) },
    },
  );
}

async function logIn(credentials = STAFF) {
  const res = await postJson('/api/staff/login', credentials);
  expect(res.status).toBe(200);
  const { csrfToken } = await json(res);
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrfToken: csrfToken as string };
}

/** The recorded questions reach D1 after the response (waitUntil): read the review until the question is there. */
async function reviewShowing(cookie: string, question: string) {
  for (let i = 0; ; i++) {
    const review = await json(await send('/api/staff/review', { headers: { Cookie: cookie } }));
    const seen = [...review.week, ...review.declined.flatMap((g: { questions: unknown[] }) => g.questions)];
    if (JSON.stringify(seen).includes(question) || i === 50) return review;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the staff review on the worker (workerd, local D1)', () => {
  const answered = '行政复议可以在网上办吗？';
  const declined = '办护照去哪里？';
  let staff: { cookie: string; csrfToken: string };

  it('shows nothing without a session: the API answers 401, the review page sends the browser to the login', async () => {
    const api = await send('/api/staff/review');
    expect(api.status).toBe(401);
    expect((await json(api)).error.code).toBe('unauthorized');
    const page = await send('/staff/review/');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/staff/login/?next=%2Fstaff%2Freview%2F');
    expect(await page.text()).not.toContain('<html');
  });

  it('lets a staff member whose account was made with staff:add --sql log in (a hash from Node checked by workerd)', async () => {
    expect((await ask(answered)).mode).toBe('extractive');
    expect((await ask(declined)).abstained).toBe(true);
    await addStaffAccountToD1(STAFF.username, STAFF.password);
    const wrong = await postJson('/api/staff/login', { ...STAFF, password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    staff = await logIn();
    expect(staff.cookie).toMatch(/^staff_session=[\w-]{43}$/);
    const page = await send('/staff/review/', { headers: { Cookie: staff.cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('shows what citizens asked in the review queue', async () => {
    const review = await reviewShowing(staff.cookie, declined);
    expect(review.user).toBe(STAFF.username);
    expect(review.week.map((q: { question: string }) => q.question)).toContain(answered);
    expect(review.declined.flatMap((g: { questions: { question: string }[] }) => g.questions.map((q) => q.question))).toContain(declined);
  });

  it('refuses a change without the session’s CSRF token, and nothing changes for citizens', async () => {
    const res = await postJson('/api/staff/referrals', { question: declined, office: '某局', phone: '12345' }, { Cookie: staff.cookie });
    expect(res.status).toBe(403);
    expect((await json(res)).error.code).toBe('forbidden');
    expect((await ask(declined)).mode).not.toBe('referred');
  });

  it('gives the next citizen the approved answer with its verbatim citation, and the referral', async () => {
    const paragraph = await json(await send('/api/paragraphs/s4.3'));
    const sentence = paragraph.sentences
      .map((s: { start: number; end: number }) => ({ ...s, text: paragraph.text.slice(s.start, s.end) as string }))
      .find((s: { text: string }) => s.text.includes('全国行政复议工作平台'));
    const quote = { paragraphId: 's4.3', ...sentence };
    const headers = { Cookie: staff.cookie, 'X-CSRF-Token': staff.csrfToken };
    const framing = '可以，在全国行政复议工作平台在线办理。';
    expect((await postJson('/api/staff/approved', { question: answered, framing, quotes: [quote] }, headers)).status).toBe(201);
    const office = { office: '石狮市公安局出入境管理大队', phone: '0595-88881234' };
    expect((await postJson('/api/staff/referrals', { question: declined, ...office }, headers)).status).toBe(201);

    const next = await ask('行政复议可以网上办吗');
    expect(next.mode).toBe('approved');
    expect(next.answer).toContain(framing);
    expect(next.citations[0]).toMatchObject({ id: 's4.3', quote: quote.text, start: quote.start, end: quote.end });
    expect(next.citations[0].text.slice(next.citations[0].start, next.citations[0].end)).toBe(quote.text);
    const referred = await ask(declined);
    expect(referred).toMatchObject({ mode: 'referred', abstained: true });
    expect(referred.answer).toContain('0595-88881234');
    const review = await json(await send('/api/staff/review', { headers: { Cookie: staff.cookie } }));
    expect(review.approved[0]).toMatchObject({ question: answered, author: STAFF.username, status: 'active' });
  });
});
