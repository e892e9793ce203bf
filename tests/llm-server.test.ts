import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeModelEnv, startFakeOpenAi, type FakeOpenAi } from './fake-openai-server.js';
import { json } from './helpers.js';
import { spawnServer, type SpawnedServer } from './spawn-server.js';

/** The real server process, configured by environment, against a fake OpenAI-compatible endpoint. */
const SECRET = 'sk-server-secret-1357';
let fake: FakeOpenAi;
let server: SpawnedServer;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  server = await spawnServer({
    ...fakeModelEnv(fake, SECRET),
    LLM_FIRST_TOKEN_TIMEOUT_MS: '1000',
    LLM_TOTAL_TIMEOUT_MS: '3000',
    LOG_REQUESTS: 'true',
  });
});
afterAll(async () => {
  server?.stop();
  await fake?.close();
});

const GOOD =
  '共收到行政复议申请228件[[s4.3|共收到行政复议申请 228 件]]，纠错率21.05%[[s4.3|纠错率 21.05%]]，化解率95.61%[[s4.3|行政争议化解率 95.61%]]。';
const ask = (question: string) =>
  fetch(`${server.baseUrl}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });

describe('the real server with a configured model', () => {
  it('says at start-up which model and strategy answer, without the key', () => {
    expect(server.output()).toMatch(/answers fake-chat \(retrieved top 6, first token 1000 ms, total 3000 ms/u);
    expect(server.output()).toMatch(/query rewrite on \(2000 ms\)/u);
  });

  it('answers /api/ask with a verified generated answer', async () => {
    fake.script({ kind: 'text', text: GOOD });
    const body = await json(await ask('行政复议一共收到多少件申请？'));
    expect(body).toMatchObject({ mode: 'llm', abstained: false, answer: '共收到行政复议申请228件[1]，纠错率21.05%[2]，化解率95.61%[3]。' });
  });

  it('streams /api/chat over HTTP as the claims pass, not all at the end', async () => {
    fake.script({ kind: 'text', text: GOOD, chunkDelayMs: 50, chunkChars: 4 });
    const started = performance.now();
    const res = await fetch(`${server.baseUrl}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ id: '1', role: 'user', parts: [{ type: 'text', text: '行政复议一共收到多少件申请？' }] }] }),
    });
    expect(res.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    const arrivals: { type: string; at: number }[] = [];
    const decoder = new TextDecoder();
    let buffered = '';
    const reader = res.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      buffered += decoder.decode(read.value, { stream: true });
      for (let end = buffered.indexOf('\n\n'); end !== -1; end = buffered.indexOf('\n\n')) {
        const event = buffered.slice(0, end).replace(/^data: /u, '');
        buffered = buffered.slice(end + 2);
        if (event !== '[DONE]') arrivals.push({ type: (JSON.parse(event) as { type: string }).type, at: performance.now() - started });
      }
    }
    // Each verified claim arrives as a (transient) draft while the model writes; the final text comes once, at the end.
    const drafts = arrivals.filter((a) => a.type === 'data-draft');
    expect(drafts.length).toBe(3);
    expect(arrivals.at(-1)!.at - drafts[0]!.at).toBeGreaterThan(300);
    expect(arrivals.filter((a) => a.type === 'text-delta')).toHaveLength(1);
  });

  it('answers extractively, in time, when the provider fails, and never prints the key', async () => {
    fake.script({ kind: 'status', status: 401, body: JSON.stringify({ error: { message: `Incorrect API key provided: ${SECRET}` } }) });
    const res = await ask('行政复议一共收到多少件申请？');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ mode: 'extractive', degraded: true, degradedReason: 'provider-error' });
    expect(text).not.toContain(SECRET);
    fake.script({ kind: 'text', text: GOOD, firstTokenDelayMs: 10_000 });
    const started = performance.now();
    expect(await json(await ask('行政复议一共收到多少件申请？'))).toMatchObject({ degraded: true, degradedReason: 'first-token-timeout' });
    expect(performance.now() - started).toBeLessThan(1000 + 1000);
    expect(server.output()).toContain('[llm] answered extractively (provider-error)');
    expect(server.output()).not.toContain(SECRET);
  });
});
