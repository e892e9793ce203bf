import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launch, shot } from '../../evals/lib/chromium.js';
import { addStaffUser } from '../../src/staff/staff-accounts.js';
import { openSqliteStore } from '../../src/store/open-sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { spawnServer, type SpawnedServer } from '../spawn-server.js';
import { insertTurn, STAFF } from '../staff-fixture.js';

const DISLIKED = '行政复议可以在网上办吗？';
const DECLINED = '垃圾分类上门回收怎么预约？';
let dir: string;
let store: Store;
let server: SpawnedServer;
let context: BrowserContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'staff-e2e-'));
  // The server and this test share the SQLite file, as `npm run staff:add` and the server do.
  store = await openSqliteStore(join(dir, 'qa.sqlite'));
  await addStaffUser(store, STAFF.username, STAFF.password);
  await insertTurn(store, DECLINED, { abstained: 1 });
  const answerId = await insertTurn(store, DISLIKED, { cited_ids: '["s4.3"]' });
  // The 👎 a citizen gave in the widget (the widget's buttons are tested with the recording).
  await store.db
    .insertInto('feedback')
    .values({ id: 'fb-e2e', answer_id: answerId, rating: 'down', reason: '想知道具体在哪个网站办', created_at: new Date().toISOString() })
    .execute();
  server = await spawnServer({ OPENAI_API_KEY: '', LOG_REQUESTS: 'false', DATA_DIR: dir });
  context = await launch({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await context?.close();
  await server?.stop();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!browserAvailable)('the staff review in Chromium', () => {
  it('logs in, sees the declined and 👎 questions, approves an answer by picking a sentence; the next citizen gets it with its citation', async () => {
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${server.baseUrl}/staff/review/`);
    await expect(page.url()).toBe(`${server.baseUrl}/staff/login/?next=%2Fstaff%2Freview%2F`);
    await page.locator('#username').fill(STAFF.username);
    await page.locator('#password').fill('not the password');
    await page.locator('#login button').click();
    await expect.poll(() => page.locator('#message').textContent()).toBe('用户名或密码错误。');
    await page.locator('#password').fill(STAFF.password);
    await page.locator('#login button').click();
    await page.waitForURL(`${server.baseUrl}/staff/review/`);

    await expect.poll(() => page.locator('#who').textContent()).toBe(STAFF.username);
    await expect(page.locator('#declined .question .q').first().textContent()).resolves.toBe(DECLINED);
    const disliked = page.locator('#disliked .question');
    await expect(disliked.locator('.q').textContent()).resolves.toBe(DISLIKED);
    await expect(disliked.locator('.reasons').textContent()).resolves.toContain('想知道具体在哪个网站办');
    await expect(disliked.locator('.cites').textContent()).resolves.toContain('s4.3');
    await expect(page.locator('#charts svg.chart').count()).resolves.toBeGreaterThan(0);

    await disliked.locator('button.handle').click();
    await expect.poll(() => page.locator('#e-question').inputValue()).toBe(DISLIKED);
    const sentence = page.locator('#e-paragraphs article[data-id="s4.3"] button.s', { hasText: '全国行政复议工作平台' });
    await sentence.click();
    await expect(sentence.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.locator('#e-quotes li').textContent()).resolves.toContain('s4.3：规范案件在线办理');
    await page.locator('#e-framing').fill('可以，在全国行政复议工作平台在线办理。');
    await page.locator('#e-approve').click();
    await expect.poll(() => page.locator('#toast').textContent()).toContain('已核准');
    await expect.poll(() => page.locator('#approved .decision .q').first().textContent()).toBe(DISLIKED);
    await page.screenshot({ path: shot('staff-review'), fullPage: true });
    expect(violations).toEqual([]);

    const res = await fetch(`${server.baseUrl}/api/ask`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ question: DISLIKED }),
    });
    const answer = (await res.json()) as {
      mode: string;
      answer: string;
      citations: { id: string; quote: string; text: string; start: number; end: number }[];
    };
    expect(answer.mode).toBe('approved');
    expect(answer.answer).toContain('可以，在全国行政复议工作平台在线办理。');
    expect(answer.citations).toHaveLength(1);
    const [citation] = answer.citations;
    expect(citation!.id).toBe('s4.3');
    expect(citation!.quote).toBe('规范案件在线办理，运用全国行政复议工作平台，实现办案全程留痕。');
    expect(citation!.text.slice(citation!.start, citation!.end)).toBe(citation!.quote);
    const audit = await store.db.selectFrom('audit_log').select('action').orderBy('created_at').execute();
    expect(audit.map((a) => a.action)).toEqual(['login-failed', 'login', 'approve']);
    await page.close();
  });
});
