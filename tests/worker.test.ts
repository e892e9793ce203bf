import SQLite from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGold } from '../evals/lib/gold.js';
import { startLocalWorker, type LocalWorker } from '../evals/lib/wrangler-dev.js';
import { createApp } from '../src/http/create-app.js';
import { json, offlineService } from './helpers.js';

/**
 * The worker in local workerd (wrangler dev --local, offline) against the Node app: the same
 * contract, the same answers. `npm test` builds the assets and the index snapshot first.
 */
let worker: LocalWorker;
let node: ReturnType<typeof createApp>;
const persistTo = mkdtempSync(join(tmpdir(), 'worker-state-'));

beforeAll(async () => {
  node = createApp({ service: await offlineService() });
  worker = await startLocalWorker({ RATE_LIMIT_ASK_PER_MINUTE: '0', RATE_LIMIT_SEARCH_PER_MINUTE: '0' }, { persistTo });
}, 90_000);
afterAll(async () => {
  await worker?.stop();
});

const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) => ({
  method: 'POST',
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const onWorker = (path: string, init?: RequestInit) => fetch(worker.baseUrl + path, init);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the worker (workerd, offline) and the Node app', () => {
  it('give the same answers and citations to every gold question', async () => {
    for (const item of loadGold()) {
      const body = { question: item.question, ...(item.history ? { history: item.history } : {}) };
      const [w, n] = await Promise.all([
        onWorker('/api/ask', post(body)).then(json),
        Promise.resolve(node.request('/api/ask', post(body))).then(json),
      ]);
      // Every answer has its own id; the rest is the same.
      expect(w.answerId).toMatch(UUID);
      expect({ ...w, answerId: n.answerId }, item.question).toEqual(n);
    }
    // (About 1,600 questions over real HTTP to workerd; the splits grew with dev5–dev7.)
  }, 120_000);

  it('tokenize alike: the same queries return the same paragraph ids', async () => {
    for (const q of ['行政復議', '228 件', '２２８件', '闽执法', 'GDP', '洛江', 'administrative reconsideration', '中小學生']) {
      const path = `/api/search?q=${encodeURIComponent(q)}&limit=5`;
      const [w, n] = await Promise.all([onWorker(path).then(json), Promise.resolve(node.request(path)).then(json)]);
      expect(
        w.hits.map((h: { id: string }) => h.id),
        q,
      ).toEqual(n.hits.map((h: { id: string }) => h.id));
    }
  });

  it('stream /api/chat in the UI message stream protocol', async () => {
    const res = await onWorker(
      '/api/chat',
      post({ messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: '那纠错率呢？' }] }] }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect(res.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    const text = await res.text();
    expect(text).toContain('"type":"text-delta"');
    expect(text).toContain('"type":"data-answer"');
    expect(text.trim().endsWith('data: [DONE]')).toBe(true);
  });

  it('serve the widget, the demo page and the staff page', async () => {
    const widget = await onWorker('/widget.js');
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toMatch(/javascript/);
    expect(await widget.text()).toContain('attachShadow');
    expect(await (await onWorker('/')).text()).toContain('/widget.js');
    expect((await onWorker('/staff/')).status).toBe(200);
  });

  it('serve the pages with the same security headers as Node (build/public/_headers), and not the rules file itself', async () => {
    for (const path of ['/', '/staff/']) {
      const page = await onWorker(path);
      expect(page.headers.get('content-security-policy'), path).toContain("script-src 'self'; style-src 'self'");
      expect(page.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    expect((await onWorker('/widget.js')).headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect((await onWorker('/_headers')).status).toBe(404);
  });

  it('reject bad input with the same 4xx and error code', async () => {
    const cases: [string, RequestInit | undefined][] = [
      ['/api/ask', post('{"question": ')],
      ['/api/ask', post({ question: '' })],
      ['/api/ask', post({ question: '问'.repeat(501) })],
      ['/api/ask', post({ question: 1 })],
      ['/api/ask', post({ question: '问', history: Array.from({ length: 11 }, () => ({ role: 'user', content: 'x' })) })],
      [
        '/api/ask',
        post({
          question: '问',
          history: [
            { role: 'user', content: 'x'.repeat(3900) },
            { role: 'user', content: 'x'.repeat(3900) },
            { role: 'user', content: 'x'.repeat(3900) },
            { role: 'user', content: 'x'.repeat(3900) },
            { role: 'user', content: 'x'.repeat(3900) },
          ],
        }),
      ],
      ['/api/ask', post('question=1', { 'content-type': 'application/x-www-form-urlencoded' })],
      ['/api/chat', post({ messages: [] })],
      ['/api/search', undefined],
      ['/api/search?q=x&limit=0', undefined],
      ['/api/paragraphs/nope', undefined],
      ['/api/nope', undefined],
    ];
    for (const [path, init] of cases) {
      const [w, n] = await Promise.all([onWorker(path, init), node.request(path, init)]);
      expect(w.status, path).toBe(n.status);
      expect(w.status, path).toBeGreaterThanOrEqual(400);
      expect(w.status, path).toBeLessThan(500);
      expect((await json(w)).error.code, path).toBe((await json(n)).error.code);
    }
  });

  it('reach the same accuracy in the eval runner pointed at the worker by --url', async () => {
    const out = mkdtempSync(join(tmpdir(), 'eval-worker-'));
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'evals/run.ts', '--url', worker.baseUrl, '--no-baselines', '--no-gate', '--quiet', '--out', out],
      { maxBuffer: 1 << 24 },
    );
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'evals/run.ts', '--offline', '--no-baselines', '--no-gate', '--quiet', '--out', join(out, 'node')],
      { maxBuffer: 1 << 24 },
    );
    const nodeReport = JSON.parse(readFileSync(join(out, 'node', 'report.json'), 'utf8'));
    const accuracy = (r: { summary: { rows: [string, Record<string, number>][] }[] }) =>
      r.summary[0]!.rows.map(([, m]) => Object.fromEntries(Object.entries(m).filter(([k]) => !k.endsWith('Ms'))));
    expect(accuracy(report)).toEqual(accuracy(nodeReport));
  }, 120_000);
});

describe('the worker records turns in D1 (the DB binding, local workerd)', () => {
  /** The local D1 database file wrangler keeps under --persist-to, read as the SQLite file it is. */
  function d1Rows(query: string): Record<string, unknown>[] {
    const file = readdirSync(persistTo, { recursive: true, encoding: 'utf8' }).find(
      (f) => f.includes('d1') && f.endsWith('.sqlite') && !f.includes('metadata'),
    );
    expect(file, 'a local D1 database file').toBeDefined();
    const db = new SQLite(join(persistTo, file!), { readonly: true });
    try {
      return db.prepare(query).all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  }

  it('keeps the redacted question with its conversation, and takes feedback on that answer only', async () => {
    const question = '行政复议收到多少件？我的手机13812345678';
    const asked = await json(await onWorker('/api/ask', post({ question, conversationId: 'worker-conv-0001' })));
    expect(asked.answerId).toMatch(UUID);
    const feedback = await onWorker('/api/feedback', post({ answerId: asked.answerId, rating: 'down', reason: '不对' }));
    expect(feedback.status).toBe(202);
    const unknown = await onWorker('/api/feedback', post({ answerId: crypto.randomUUID(), rating: 'up' }));
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).error.code).toBe('not_found');

    const [turn] = d1Rows(`select * from turns where conversation_id = 'worker-conv-0001'`);
    expect(turn).toMatchObject({ answer_id: asked.answerId, question_redacted: '行政复议收到多少件？我的手机[手机号]', abstained: 0 });
    expect(JSON.stringify(d1Rows('select * from turns'))).not.toContain('13812345678');
    expect(d1Rows(`select rating, reason from feedback where answer_id = '${asked.answerId}'`)).toEqual([
      { rating: 'down', reason: '不对' },
    ]);
    const health = await json(await onWorker('/healthz'));
    expect(health.database).toMatchObject({ status: 'ok', dialect: 'd1', recording: true, dropped: 0 });
  });

  it('records a chat turn with the answerId its final part carries', async () => {
    const res = await onWorker(
      '/api/chat',
      post({ id: 'worker-chat-0001', messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: '纠错率是多少？' }] }] }),
    );
    const answerId = /"type":"data-answer".*?"answerId":"([0-9a-f-]{36})"/.exec(await res.text())?.[1];
    expect(answerId).toMatch(UUID);
    // The write is kept alive by waitUntil after the stream ends; give it a moment.
    for (let i = 0; i < 50 && d1Rows(`select 1 from turns where answer_id = '${answerId}'`).length === 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(d1Rows(`select conversation_id, question_redacted from turns where answer_id = '${answerId}'`)).toEqual([
      { conversation_id: 'worker-chat-0001', question_redacted: '纠错率是多少？' },
    ]);
  });
});
