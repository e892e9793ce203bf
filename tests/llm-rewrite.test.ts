import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectAnswer } from '../src/answer/answer-events.js';
import { loadConfig } from '../src/config.js';
import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
import { createLruCache } from '../src/llm/lru-cache.js';
import { parseRewriteTerms } from '../src/llm/parse-rewrite-terms.js';
import { createNodeService, createRewriteModel } from '../src/node/create-node-service.js';
import { createQaService, type QaService } from '../src/qa-service.js';
import type { Answer, ChatTurn } from '../src/types.js';
import { fakeModelEnv, startFakeOpenAi, type FakeOpenAi, type FakeReply } from './fake-openai-server.js';

/**
 * The query rewrite before retrieval, through the real `@ai-sdk/openai` client wired from
 * configuration, against the fake OpenAI-compatible server (which tells rewrite calls from
 * answer calls by their system prompt).
 */
const SECRET = 'sk-rewrite-secret-2468';
const REWRITE_MS = 500;
/** Retrieval takes a few ms; CI machines are slow. */
const SLACK_MS = 500;

/** In everyday words that share almost nothing with the report: offline, the service declines it. */
const SUED = '当官的被老百姓告了会亲自来吗？';
const SUED_TERMS = '行政诉讼 行政机关负责人出庭率';

let fake: FakeOpenAi;
/** A model configured for the rewrite only: answers stay extractive, so what retrieval found is what is cited. */
let service: QaService;
let logged: string[];

function env(overrides: Record<string, string> = {}) {
  return {
    ...fakeModelEnv(fake, SECRET),
    EMBEDDING_PROVIDER: 'local',
    LLM_REWRITE_TIMEOUT_MS: String(REWRITE_MS),
    LLM_FIRST_TOKEN_TIMEOUT_MS: '800',
    LLM_TOTAL_TIMEOUT_MS: '2000',
    ...overrides,
  };
}

/** A fresh service (an empty rewrite cache) for tests that count calls or time a failure. */
const freshService = (overrides: Record<string, string> = {}) => createNodeService(loadConfig(env(overrides)), { answers: 'extractive' });

beforeAll(async () => {
  fake = await startFakeOpenAi();
  service = await freshService();
});
afterAll(() => fake?.close());
beforeEach(() => {
  fake.chats.length = 0;
  fake.rewrites.length = 0;
  fake.rewrite = () => ({ kind: 'text', text: '' });
  logged = [];
  for (const method of ['log', 'warn', 'error'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
  return () => vi.restoreAllMocks();
});

async function timedAsk(on: QaService, question: string, history: ChatTurn[] = []): Promise<{ answer: Answer; ms: number }> {
  const started = performance.now();
  const answer = await on.ask(question, history);
  return { answer, ms: performance.now() - started };
}

describe('the query rewrite before retrieval', () => {
  it('searches with the report terms the model suggests, so an everyday question cites the right paragraph', async () => {
    fake.rewrite = () => ({ kind: 'text', text: SUED_TERMS });
    const { answer } = await timedAsk(service, SUED);
    expect(answer.citations[0]).toMatchObject({ id: 's4.2' });
    expect(answer.citations[0]!.quote).toContain('负责人出庭率达 100%');
    expect(answer.rewrite).toEqual(['行政诉讼', '行政机关负责人出庭率']);
    // The terms widened the search; they are not part of the answer.
    expect(answer.answer).not.toContain(SUED_TERMS);

    const without = await (await freshService({ LLM_REWRITE: 'false' })).ask(SUED);
    expect(without.abstained).toBe(true);
    expect(without.rewrite).toBeUndefined();
  });

  it('asks with the question as data in its tag, the earlier questions of a follow-up, and the section titles', async () => {
    fake.rewrite = () => ({ kind: 'text', text: '行政复议 纠错率' });
    await timedAsk(service, '那纠错率呢？', [
      { role: 'user', content: '行政复议收到多少件？' },
      { role: 'assistant', content: '228件[1]。' },
    ]);
    const [request] = fake.rewrites;
    expect(request).toMatchObject({ model: 'fake-chat', stream: false, authorization: `Bearer ${SECRET}` });
    expect(request!.question).toBe('<此前的问题>行政复议收到多少件？</此前的问题>\n<问题>那纠错率呢？</问题>');
    expect(request!.system).toContain('（三）完善行政复议机制，提升行政复议质效');
    expect(request!.system).not.toContain('{{sections}}');
  });

  it('with generated answers too: the model reads the paragraph the rewrite found', async () => {
    const generated = await createNodeService(loadConfig(env()));
    fake.rewrite = () => ({ kind: 'text', text: SUED_TERMS });
    fake.script({ kind: 'text', text: '行政机关负责人出庭率达100%[[s4.2|全市行政机关负责人出庭率达 100%]]。' });
    const { answer } = await timedAsk(generated, SUED);
    expect(answer).toMatchObject({ mode: 'llm', answer: '行政机关负责人出庭率达100%[1]。', rewrite: ['行政诉讼', '行政机关负责人出庭率'] });
    expect(fake.chats[0]!.question).toContain('<段落 id="s4.2"');
  });

  it('asks once per question: the same question again is served from the cache', async () => {
    const fresh = await freshService();
    fake.rewrite = () => ({ kind: 'text', text: SUED_TERMS });
    const first = await fresh.ask(SUED);
    const second = await fresh.ask(SUED);
    expect(fake.rewrites).toHaveLength(1);
    expect(second.rewrite).toEqual(first.rewrite);
    // The same words after an earlier question are another question.
    await fresh.ask(SUED, [{ role: 'user', content: '行政复议收到多少件？' }]);
    expect(fake.rewrites).toHaveLength(2);
  });

  it('drops a term with a figure the question does not state', async () => {
    fake.rewrite = () => ({ kind: 'text', text: '行政复议 申请 228件 纠错率21.05%' });
    const { answer } = await timedAsk(service, '行政复议一共收到多少件申请？');
    expect(answer.rewrite).toEqual(['行政复议', '申请']);
  });
});

describe('a rewrite that fails: the question is answered as if there were none, in time', () => {
  let baseline: Answer;
  beforeAll(async () => {
    baseline = await (await freshService({ LLM_REWRITE: 'false' })).ask(SUED);
  });

  const failures: [string, FakeReply][] = [
    ['a reply slower than the rewrite timeout', { kind: 'text', text: SUED_TERMS, firstTokenDelayMs: 5_000 }],
    ['HTTP 500', { kind: 'status', status: 500 }],
    ['HTTP 429', { kind: 'status', status: 429, headers: { 'retry-after': '1' } }],
    [
      'a rejected key whose error echoes it',
      { kind: 'status', status: 401, body: JSON.stringify({ error: { message: `Incorrect API key provided: ${SECRET}` } }) },
    ],
    ['broken JSON', { kind: 'garbage', body: '{"id": "chatcmpl-1", "choices": [' }],
    ['an empty reply', { kind: 'text', text: '' }],
    ['only punctuation and figures', { kind: 'text', text: '“……” 17万户 —— 100%' }],
  ];
  it.each(failures)('%s', async (_, reply) => {
    const fresh = await freshService();
    fake.rewrite = () => reply;
    const { answer, ms } = await timedAsk(fresh, SUED);
    expect(ms).toBeLessThan(REWRITE_MS + SLACK_MS);
    expect(answer.rewrite).toEqual([]);
    expect({ ...answer, rewrite: undefined }).toEqual({ ...baseline, rewrite: undefined });
    expect(fake.rewrites).toHaveLength(1); // no retry
    expect(logged.filter((l) => l.startsWith('[rewrite]'))).toHaveLength(1);
    expect(logged.join('\n')).not.toContain(SECRET);
  });

  it('a refused connection', async () => {
    const config = loadConfig(env({ OPENAI_BASE_URL: `http://127.0.0.1:${await closedPort()}/v1` }));
    const offline = await createQaService({
      corpus: loadCorpusFiles(),
      embedder: localHashEmbedder(),
      rewrite: await createRewriteModel(config),
    });
    const { answer, ms } = await timedAsk(offline, SUED);
    expect(ms).toBeLessThan(REWRITE_MS + SLACK_MS);
    expect(answer.citations).toEqual(baseline.citations);
    expect(logged.join('\n')).toMatch(/\[rewrite\] searched without a rewrite: the provider could not be reached/u);
  });

  it('a failure is not cached: the next identical question asks again', async () => {
    const fresh = await freshService();
    fake.rewrite = () => ({ kind: 'status', status: 503 });
    await fresh.ask(SUED);
    fake.rewrite = () => ({ kind: 'text', text: SUED_TERMS });
    expect((await fresh.ask(SUED)).citations[0]?.id).toBe('s4.2');
    expect(fake.rewrites).toHaveLength(2);
  });

  it('the client going away stops the rewrite at once, without a log line', async () => {
    const fresh = await freshService({ LLM_REWRITE_TIMEOUT_MS: '5000' });
    fake.rewrite = () => ({ kind: 'text', text: SUED_TERMS, firstTokenDelayMs: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    await collectAnswer(fresh.answerStream(SUED, [], controller.signal));
    expect(performance.now() - started).toBeLessThan(100 + SLACK_MS);
    expect(logged.filter((l) => l.startsWith('[rewrite]'))).toEqual([]);
  });
});

describe('reading the terms of a rewrite', () => {
  it('splits on any punctuation or spacing and strips quote marks', () => {
    expect(parseRewriteTerms('“市场主体”、总数；\n 行政诉讼,出庭率', '商家有多少？')).toEqual(['市场主体', '总数', '行政诉讼', '出庭率']);
  });
  it('drops sentences, repeats, and stops at 12 terms', () => {
    expect(parseRewriteTerms('根据报告全市市场主体总数近十七万户这是一个很长的句子 市场主体 市场主体', 'q')).toEqual(['市场主体']);
    expect(
      parseRewriteTerms(Array.from({ length: 20 }, (_, i) => `词${'甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉'[i]}`).join(' '), 'q'),
    ).toHaveLength(12);
  });
  it('keeps a figure only when the question states it, in digits or in words', () => {
    expect(parseRewriteTerms('2023年 行政复议 228件 两次 第三批', '2023年行政复议情况')).toEqual(['2023年', '行政复议']);
    expect(parseRewriteTerms('集体学法七次 7次', '市政府学法是不是7次？')).toEqual(['集体学法七次', '7次']);
  });
});

describe('the rewrite cache', () => {
  it('evicts the least recently used question beyond its size', () => {
    const cache = createLruCache<string[]>(2);
    cache.set('a', ['1']);
    cache.set('b', ['2']);
    cache.get('a');
    cache.set('c', ['3']);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([['1'], undefined, ['3'], 2]);
  });
});

/** A port on 127.0.0.1 that nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}
