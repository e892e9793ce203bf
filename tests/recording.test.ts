import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/create-app.js';
import { nodeRateLimits } from '../src/node/node-rate-limits.js';
import { purgeOnce } from '../src/record/purge-old-turns.js';
import { createRecorder, type Recorder } from '../src/record/recorder.js';
import { openPostgresStore } from '../src/store/open-postgres-store.js';
import { openSqliteStore } from '../src/store/open-sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { json, offlineService } from './helpers.js';
import { checkedAgainstOpenApi } from './openapi-conformance.js';
import { postgresAvailable } from './postgres-cluster.js';
import { realDatabases } from './real-databases.js';

/** Turns recorded through the HTTP API into a real SQLite file and a real PostgreSQL server. */
const { dialects, cluster } = realDatabases('recording');

const post = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A recorder over an already open store (the server opens its own after listening). */
function recorderOver(store: Store, options: Partial<Parameters<typeof createRecorder>[0]> = {}): Recorder {
  return createRecorder({ open: async () => store, ...options });
}

describe.each(dialects)('recording on $name', ({ skip, open }) => {
  let store: Store;
  let recorder: Recorder;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    if (skip) return;
    store = await open();
    recorder = recorderOver(store);
    app = checkedAgainstOpenApi(createApp({ service: await offlineService(), recorder }));
  }, 30_000);
  afterAll(() => recorder?.close());

  it.skipIf(skip)('records each of 100 concurrent asks exactly once, under the answerId the client received', async () => {
    const questions = Array.from({ length: 100 }, (_, i) => `第${i}个问题：行政复议收到多少件？`);
    const answers = await Promise.all(
      questions.map((question, i) =>
        Promise.resolve(app.request('/api/ask', post({ question, conversationId: `load-test-${i % 10}-conv` }))).then(json),
      ),
    );
    const ids = answers.map((a: { answerId: string }) => a.answerId);
    expect(new Set(ids).size).toBe(100);
    await recorder.flush();
    const rows = await store.db.selectFrom('turns').selectAll().where('conversation_id', 'like', 'load-test-%').execute();
    expect(rows.map((r) => r.answer_id).sort()).toEqual([...ids].sort());
    const first = rows.find((r) => r.answer_id === ids[0])!;
    expect(first).toMatchObject({
      question_redacted: questions[0],
      conversation_id: 'load-test-0-conv',
      mode: 'extractive',
      abstained: 0,
      degraded_reason: null,
      cited_ids: JSON.stringify(answers[0].citations.map((c: { id: string }) => c.id)),
    });
    expect(first.latency_ms).toBeGreaterThanOrEqual(0);
    expect(Date.now() - Date.parse(first.created_at)).toBeLessThan(60_000);
  });

  it.skipIf(skip)(
    'records a decline as abstained, and a chat turn under the answerId of its final part and useChat’s chat id',
    async () => {
      const declined = await json(await app.request('/api/ask', post({ question: '晋江市2022年的GDP是多少？' })));
      expect(declined.abstained).toBe(true);
      const stream = await (
        await app.request(
          '/api/chat',
          post({ id: 'chat-abcdef12', messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: '纠错率是多少？' }] }] }),
        )
      ).text();
      const chatAnswerId = /"type":"data-answer".*?"answerId":"([0-9a-f-]{36})"/.exec(stream)?.[1];
      await recorder.flush();
      const decline = await store.db.selectFrom('turns').selectAll().where('answer_id', '=', declined.answerId).executeTakeFirstOrThrow();
      expect(decline).toMatchObject({ abstained: 1, cited_ids: '[]' });
      const chat = await store.db.selectFrom('turns').selectAll().where('answer_id', '=', chatAnswerId!).executeTakeFirstOrThrow();
      expect(chat).toMatchObject({ conversation_id: 'chat-abcdef12', question_redacted: '纠错率是多少？', abstained: 0 });
    },
  );

  it.skipIf(skip)('stores feedback with its turn, even given before the turn was written; refuses unknown and invalid ones', async () => {
    const { answerId } = await json(await app.request('/api/ask', post({ question: '负责人出庭应诉率是多少？' })));
    expect(recorder.isQueued(answerId)).toBe(true); // not written yet
    const res = await app.request('/api/feedback', post({ answerId, rating: 'down', reason: '想问具体数字，邮箱 li.si@example.com' }));
    expect(res.status).toBe(202);
    expect(await json(res)).toEqual({ status: 'accepted' });
    const stored = await store.db
      .selectFrom('feedback')
      .innerJoin('turns', 'turns.answer_id', 'feedback.answer_id')
      .select(['feedback.rating', 'feedback.reason', 'turns.question_redacted'])
      .where('feedback.answer_id', '=', answerId)
      .execute();
    expect(stored).toEqual([{ rating: 'down', reason: '想问具体数字，邮箱 [邮箱]', question_redacted: '负责人出庭应诉率是多少？' }]);

    const unknown = await app.request('/api/feedback', post({ answerId: crypto.randomUUID(), rating: 'up' }));
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).error.code).toBe('not_found');
    for (const body of [{ answerId, rating: 'meh' }, { rating: 'up' }, { answerId, rating: 'up', reason: '长'.repeat(201) }, []]) {
      const bad = await app.request('/api/feedback', post(body));
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect((await json(bad)).error.code).toBe('invalid_request');
    }
  });

  it.skipIf(skip)('purges turns past the retention period on its run, keeping recent ones', async () => {
    const { answerId } = await json(await app.request('/api/ask', post({ question: '纠错率？' })));
    await recorder.flush();
    const lines: string[] = [];
    await purgeOnce(recorder, 180, (l) => lines.push(l)); // today: nothing is old enough
    expect(await store.hasTurn(answerId)).toBe(true);
    await purgeOnce(
      recorder,
      180,
      (l) => lines.push(l),
      () => Date.now() + 181 * 86_400_000,
    ); // half a year later
    expect(await store.hasTurn(answerId)).toBe(false);
    expect(lines.at(-1)).toMatch(/deleted \d+ turns/);
  });
});

describe('recording turned off, rate limits, and a database that fails', () => {
  it('LOG_QUESTIONS=false records nothing, and health says so', async () => {
    const store = await openSqliteStore(join(mkdtempSync(join(tmpdir(), 'off-')), 'qa.sqlite'));
    const recorder = recorderOver(store, { recording: false });
    const app = createApp({ service: await offlineService(), recorder });
    const answer = await json(await app.request('/api/ask', post({ question: '纠错率是多少？' })));
    expect(answer.answerId).toBeDefined();
    await recorder.flush();
    expect(await store.hasTurn(answer.answerId)).toBe(false);
    expect((await json(await app.request('/healthz'))).database).toMatchObject({ recording: false, recorded: 0 });
    await recorder.close();
  });

  it('keeps at most maxQueue turns waiting while the database is still opening, and counts the rest as dropped', async () => {
    let opened: (store: Store) => void = () => {};
    // No timer flush during the test (flushMs: a minute): the queue is what the asks left in it.
    const recorder = createRecorder({ open: () => new Promise<Store>((resolve) => (opened = resolve)), maxQueue: 3, flushMs: 60_000 });
    const app = createApp({ service: await offlineService(), recorder });
    void recorder.store(); // the server starts opening right after it listens
    for (let i = 0; i < 5; i++) expect((await app.request('/api/ask', post({ question: `纠错率？${i}` }))).status).toBe(200);
    expect(recorder.status()).toMatchObject({ state: 'starting', queued: 3, dropped: 2 });
    const store = await openSqliteStore(join(mkdtempSync(join(tmpdir(), 'late-')), 'qa.sqlite'));
    opened(store);
    await recorder.flush();
    expect(recorder.status()).toMatchObject({ state: 'ok', queued: 0, recorded: 3, dropped: 2 });
    await recorder.close();
  });

  it('limits feedback per client, unknown answers included', async () => {
    const app = createApp({
      service: await offlineService(),
      rateLimits: nodeRateLimits({ askPerMinute: 0, searchPerMinute: 0, feedbackPerMinute: 3 }, () => 'one-client'),
    });
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await app.request('/api/feedback', post({ answerId: crypto.randomUUID(), rating: 'up' }))).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
  });

  it('serves answers at once when the database cannot be opened; health reports it degraded and counts the drops', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'broken-')), 'not-a-directory');
    writeFileSync(file, '');
    const errors: string[] = [];
    const recorder = createRecorder({ open: () => openSqliteStore(join(file, 'qa.sqlite')), onError: (e) => errors.push(e) });
    const app = checkedAgainstOpenApi(createApp({ service: await offlineService(), recorder }));
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const res = await app.request('/api/ask', post({ question: `行政复议收到多少件？${i}` }));
      expect(res.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
    await recorder.flush();
    const health = await json(await app.request('/healthz'));
    expect(health.status).toBe('ok');
    expect(health.database).toMatchObject({ status: 'degraded', recorded: 0, dropped: 3 });
    expect(errors.join('\n')).toMatch(/cannot open the database/);
    const feedback = await app.request('/api/feedback', post({ answerId: crypto.randomUUID(), rating: 'up' }));
    expect(feedback.status).toBe(503);
  });

  it.skipIf(!postgresAvailable)(
    'keeps answering while PostgreSQL is down, and records again once it is back',
    async () => {
      const store = await openPostgresStore(cluster().database('outage'), { connectTimeoutMs: 1_000 });
      const recorder = recorderOver(store, { flushMs: 50 });
      const app = createApp({ service: await offlineService(), recorder });
      const ask = async (question: string) => {
        const started = performance.now();
        const res = await app.request('/api/ask', post({ question }));
        expect(res.status).toBe(200);
        expect(performance.now() - started).toBeLessThan(1_000);
        return (await json(res)).answerId as string;
      };
      await ask('纠错率是多少？');
      await recorder.flush();
      expect(recorder.status()).toMatchObject({ state: 'ok', recorded: 1, dropped: 0 });

      cluster().stop();
      try {
        for (let i = 0; i < 5; i++) await ask(`停机期间的问题${i}`);
        await recorder.flush();
        expect((await json(await app.request('/healthz'))).database).toMatchObject({ status: 'degraded', recorded: 1, dropped: 5 });
      } finally {
        cluster().start();
      }
      const after = await ask('恢复之后的问题');
      await recorder.flush();
      expect(await store.hasTurn(after)).toBe(true);
      expect(recorder.status()).toMatchObject({ state: 'ok', recorded: 2, dropped: 5 });
      await recorder.close();
    },
    60_000,
  );
});
