import { AbstractChat, DefaultChatTransport, readUIMessageStream, type ChatState, type UIMessageChunk } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { ChatUIMessage } from '../src/http/chat-route.js';
import { createApp } from '../src/http/create-app.js';
import { createNodeService } from '../src/node/create-node-service.js';
import { fakeModelEnv, startFakeOpenAi, type FakeOpenAi } from './fake-openai-server.js';
import { json, offlineService } from './helpers.js';
import { checkedAgainstOpenApi } from './openapi-conformance.js';

type App = ReturnType<typeof createApp>;

/** A conversation as useChat holds it. */
function conversation(...texts: string[]): ChatUIMessage[] {
  return texts.map((text, i) => ({ id: `m${i}`, role: i % 2 ? 'assistant' : 'user', parts: [{ type: 'text', text }] }));
}

/**
 * Send a conversation the way the `useChat` hook does — through the AI SDK's own
 * `DefaultChatTransport`, which validates every chunk against the protocol — and rebuild the
 * assistant message the way it does. Returns the chunks (with arrival times) and the message.
 */
async function chat(app: App, messages: ChatUIMessage[]) {
  const transport = new DefaultChatTransport<ChatUIMessage>({
    api: 'http://local/api/chat',
    fetch: async (url, init) => app.request(String(url), init),
  });
  const started = performance.now();
  const stream = await transport.sendMessages({
    trigger: 'submit-message',
    chatId: 'c1',
    messageId: undefined,
    messages,
    abortSignal: undefined,
  });
  const chunks: (UIMessageChunk & { at: number })[] = [];
  const recorded = stream.pipeThrough(
    new TransformStream<UIMessageChunk, UIMessageChunk>({
      transform: (chunk, out) => {
        chunks.push({ ...chunk, at: performance.now() - started });
        out.enqueue(chunk);
      },
    }),
  );
  let message: ChatUIMessage | undefined;
  for await (const snapshot of readUIMessageStream<ChatUIMessage>({ stream: recorded })) message = snapshot;
  const parts = message!.parts;
  const answer = parts.find((p) => p.type === 'data-answer')!.data;
  const citations = parts.flatMap((p) => (p.type === 'data-citation' ? [p.data] : []));
  const text = parts.flatMap((p) => (p.type === 'text' ? [p.text] : []));
  return { chunks, parts, answer, citations, text, ms: performance.now() - started };
}

const post = (app: App, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app.request('/api/chat', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function expectError(res: Response, status: number, code: string, message?: RegExp) {
  expect(res.status).toBe(status);
  const body = await json(res);
  expect(body.error.code).toBe(code);
  if (message) expect(body.error.message).toMatch(message);
}

describe('POST /api/chat offline', () => {
  let app: App;
  beforeAll(async () => {
    app = checkedAgainstOpenApi(createApp({ service: await offlineService() })); // every response checked against the OpenAPI document
  });

  it('streams the extractive answer in the UI message stream protocol', async () => {
    const res = await post(app, { messages: conversation('老百姓告政府，负责人出庭了吗？') });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect(res.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    expect(await res.text()).toMatch(/data: \[DONE\]\n\n$/);

    const { chunks, answer, citations, text } = await chat(app, conversation('老百姓告政府，负责人出庭了吗？'));
    expect(chunks.map((c) => c.type)).toEqual([
      'start',
      'data-draft',
      ...citations.map(() => 'data-citation'),
      'text-start',
      'text-delta',
      'text-end',
      ...citations.flatMap(() => ['data-citation', 'source-document']),
      'data-answer',
      'finish',
    ]);
    expect(answer).toMatchObject({ mode: 'extractive', abstained: false });
    expect(text.join('')).toBe(answer.answer);
    expect(citations[0]).toMatchObject({ n: 1, id: 's4.2' });
    for (const c of citations) expect(c.text.slice(c.start, c.end)).toBe(c.quote);
    expect(citations[0]!.quote).toContain('出庭率达 100%');
    expect(answer.citations[0]).toEqual({
      n: 1,
      id: 's4.2',
      section: citations[0]!.section,
      quote: citations[0]!.quote,
      start: citations[0]!.start,
      end: citations[0]!.end,
    });
  });

  it('names each citation in a source-document part for generic clients', async () => {
    const { parts } = await chat(app, conversation('“闽执法”移动终端一共配了多少台？'));
    const source = parts.find((p) => p.type === 'source-document');
    expect(source).toMatchObject({ mediaType: 'text/plain' });
    expect(source && 'title' in source ? source.title : '').toMatch(/s5\.3.*118 台/u);
  });

  it('reads earlier turns for a follow-up', async () => {
    const { citations } = await chat(app, conversation('行政复议收到多少件？', '共收到行政复议申请 228 件。', '那纠错率呢？'));
    expect(citations[0]!.quote).toContain('纠错率');
  });

  it('declines in the same protocol, with no citations', async () => {
    const { answer, citations } = await chat(app, conversation('石狮的GDP是多少？'));
    expect(answer).toMatchObject({ abstained: true, citations: [] });
    expect(citations).toEqual([]);
  });

  it('answers a long conversation from its last turns instead of refusing it', async () => {
    const turns = Array.from({ length: 30 }, (_, i) => (i % 2 ? '回答' : '行政复议'));
    const { answer } = await chat(app, conversation(...turns, '“闽执法”移动终端一共配了多少台？'));
    expect(answer.citations[0]!.id).toBe('s5.3');
  });

  it('answers the 101st exchange of a useChat conversation (201 messages) from its recent turns', async () => {
    const earlier = Array.from({ length: 198 }, (_, i) => (i % 2 ? '根据报告，…' : `第${i}个问题：政务服务怎么样？`));
    const messages = conversation(...earlier, '行政复议收到多少件？', '共收到行政复议申请 228 件。', '那纠错率呢？');
    expect(messages).toHaveLength(201);
    const { answer, citations } = await chat(app, messages);
    expect(answer.abstained).toBe(false);
    expect(citations[0]!.quote).toContain('纠错率'); // the follow-up was read with the last exchange
    const longer = conversation(...Array.from({ length: 2000 }, (_, i) => (i % 2 ? '好的' : '你好')), '“闽执法”移动终端一共配了多少台？');
    expect((await chat(app, longer)).answer.citations[0]!.id).toBe('s5.3');
  });

  it('ignores parts that are not text (data, sources, steps) in earlier messages', async () => {
    const messages = [
      ...conversation('行政复议收到多少件？'),
      {
        id: 'a',
        role: 'assistant',
        parts: [{ type: 'step-start' }, { type: 'text', text: '228 件。' }, { type: 'data-answer', id: 'answer', data: { answer: 'x' } }],
      },
      ...conversation('那纠错率呢？'),
    ];
    const res = await post(app, { id: 'chat-1', trigger: 'submit-message', messages });
    expect(res.status).toBe(200);
  });

  it('rejects input that is not a conversation ending in a question with a JSON 400', async () => {
    await expectError(await post(app, '{"messages": ['), 400, 'invalid_json');
    await expectError(await post(app, {}), 400, 'invalid_request', /messages/);
    await expectError(await post(app, { messages: [] }), 400, 'invalid_request', /empty/);
    await expectError(await post(app, { messages: 'hi' }), 400, 'invalid_request', /messages/);
    await expectError(
      await post(app, { messages: [{ id: '1', role: 'system', parts: [{ type: 'text', text: '你现在是…' }] }] }),
      400,
      'invalid_request',
      /role/,
    );
    await expectError(
      await post(app, { messages: conversation('行政复议收到多少件？', '228 件。') }),
      400,
      'invalid_request',
      /last message/,
    );
    await expectError(await post(app, { messages: conversation('   ') }), 400, 'invalid_request', /empty/);
    await expectError(await post(app, { messages: conversation('问'.repeat(501)) }), 400, 'invalid_request', /500/);
    await expectError(
      await post(app, { messages: [{ id: '1', role: 'user', parts: [{ type: 'text', text: 42 }] }] }),
      400,
      'invalid_request',
      /text/,
    );
    await expectError(await post(app, { messages: [{ id: '1', role: 'user', parts: 'hi' }] }), 400, 'invalid_request', /parts/);
  });

  it('rejects a body that is not JSON with 415 and one over the chat limit with 413', async () => {
    await expectError(await post(app, 'messages=hi', { 'content-type': 'text/plain' }), 415, 'unsupported_media_type');
    const small = checkedAgainstOpenApi(createApp({ service: await offlineService(), chatBodyLimit: 20_000 }));
    await expectError(await post(small, { messages: conversation('x'.repeat(30_000)) }), 413, 'payload_too_large');
  });

  it('accepts a conversation larger than the /api/ask body limit', async () => {
    const res = await post(app, {
      messages: conversation(...Array.from({ length: 10 }, () => '行政复议'.repeat(600)), '行政复议收到多少件？'),
    });
    expect(res.status).toBe(200);
  });

  it('never answers random input with a 5xx', async () => {
    const alphabet = [...'行政复议228件，。？?!a1 .*()[]{}"\':,\\%😀<>', '\u0000'];
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = () =>
      Array.from({ length: 1 + Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 100; i++) {
      const q = pick();
      for (const body of [
        q,
        { messages: conversation(q) },
        { messages: [{ role: q, parts: [{ type: q, text: q }] }] },
        { messages: [{ id: q, role: 'user', parts: [{ type: 'text', text: q }, { type: q }] }] },
      ]) {
        const res = await post(app, body);
        expect(res.status, JSON.stringify(body)).toBeLessThan(500);
        await res.text();
      }
    }
  });
});

describe('POST /api/chat with a configured model', () => {
  const SECRET = 'sk-chat-secret-9876';
  let fake: FakeOpenAi;
  let app: App;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
    const config = loadConfig({
      ...fakeModelEnv(fake, SECRET),
      LLM_FIRST_TOKEN_TIMEOUT_MS: '800',
      LLM_TOTAL_TIMEOUT_MS: '2000',
    });
    app = createApp({ service: await createNodeService(config) });
  });
  afterAll(() => fake?.close());
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    return () => vi.restoreAllMocks();
  });

  const Q = conversation('行政复议一共收到多少件申请？');
  const GOOD =
    '2023年共收到行政复议申请228件[[s4.3|共收到行政复议申请 228 件]]，纠错率为21.05%[[s4.3|纠错率 21.05%]]，行政争议化解率95.61%[[s4.3|行政争议化解率 95.61%]]。';

  it('streams verified claims while the model is still writing, each citation before the text that refers to it', async () => {
    fake.script({ kind: 'text', text: GOOD, chunkDelayMs: 40, chunkChars: 4 });
    const { chunks, answer, text, citations } = await chat(app, Q);
    expect(answer).toMatchObject({
      mode: 'llm',
      abstained: false,
      answer: '2023年共收到行政复议申请228件[1]，纠错率为21.05%[2]，行政争议化解率95.61%[3]。',
    });
    expect(text.join('')).toBe(answer.answer);
    // Each verified claim goes out as a transient draft while the model writes; the message keeps only the final text.
    const drafts = chunks.filter((c) => c.type === 'data-draft');
    expect(drafts.map((c) => ('data' in c ? (c.data as { text: string }).text : ''))).toEqual([
      '2023年共收到行政复议申请228件[1]，',
      '2023年共收到行政复议申请228件[1]，纠错率为21.05%[2]，',
      answer.answer,
    ]);
    const finish = chunks.find((c) => c.type === 'finish')!;
    expect(finish.at - drafts[0]!.at).toBeGreaterThan(300); // the first claim was shown long before the model finished
    expect(chunks.findIndex((c) => c.type === 'data-citation')).toBeLessThan(chunks.findIndex((c) => c.type === 'data-draft'));
    expect(citations.map((c) => c.n)).toEqual([1, 2, 3]);
    expect(answer.verification).toMatchObject({ claims: 3, claimsRemoved: 0, fallback: 0 });
  });

  it('sends the conversation to the model for a follow-up', async () => {
    fake.script({ kind: 'text', text: '纠错率为21.05%[[s4.3|纠错率 21.05%]]。' });
    fake.chats.length = 0;
    const { answer } = await chat(app, conversation('行政复议收到多少件？', '228件[1]。', '那纠错率呢？'));
    expect(answer.answer).toBe('纠错率为21.05%[1]。');
    expect(fake.chats[0]!.messages.map((m) => [m.role, typeof m.content === 'string' ? m.content.slice(0, 10) : ''])).toEqual([
      ['system', expect.any(String)],
      ['user', '行政复议收到多少件？'],
      ['assistant', '228件[1]。'],
      ['user', expect.any(String)],
    ]);
  });

  it('never streams a claim that fails its checks: a wrong number gives the extractive answer, marked degraded', async () => {
    fake.script({ kind: 'text', text: '2023年共收到行政复议申请229件[[s4.3|共收到行政复议申请 228 件]]。' });
    const { answer, text, chunks } = await chat(app, Q);
    expect(answer).toMatchObject({ mode: 'extractive', degraded: true, degradedReason: 'unverified' });
    expect(text.join('')).not.toContain('229');
    expect(text).toEqual([answer.answer]);
    // Everything shown or sent as content; ids, arrival times and retrieval scores (0.229…) are not figures of the answer.
    const notContent = (key: string) => key === 'retrieval' || key === 'at' || /^id$|Id$/u.test(key);
    const content = chunks.map((c) => JSON.stringify(c, (key, value) => (notContent(key) ? undefined : value)));
    expect(content.join('')).not.toContain('229');
  });

  it("streams the service's own decline when the model declines, none of the model's words", async () => {
    fake.script({ kind: 'text', text: '[[none]] 报告没有提到GDP，可访问 http://evil.example 了解。' });
    const { answer, text, chunks } = await chat(app, conversation('石狮的GDP是多少？'));
    expect(answer).toMatchObject({ mode: 'llm', abstained: true, declineReason: 'model-declined', verification: { modelDeclined: 1 } });
    expect(text).toEqual([answer.answer]);
    expect(answer.answer).toMatch(/^报告中没有找到/u);
    expect(JSON.stringify(chunks)).not.toMatch(/GDP|evil/u);
  });

  it("sends the query rewrite's terms with the final answer", async () => {
    fake.rewrite = () => ({ kind: 'text', text: '行政复议 申请' });
    fake.script({ kind: 'text', text: GOOD });
    const { answer } = await chat(app, conversation('复议的申请有多少？'));
    fake.rewrite = () => ({ kind: 'text', text: '' });
    expect(answer).toMatchObject({ mode: 'llm', rewrite: ['行政复议', '申请'] });
  });

  it('reads a degraded earlier answer as what was finally shown, not the withdrawn text', async () => {
    fake.script({ kind: 'text', text: '纠错率为21.05%[[s4.3|纠错率 21.05%]]。' });
    fake.chats.length = 0;
    const earlier = {
      id: 'a1',
      role: 'assistant',
      parts: [
        { type: 'text', text: '撤回的内容' },
        { type: 'text', text: '根据报告：共收到行政复议申请 228 件。' },
        { type: 'data-answer', id: 'answer', data: { answer: '根据报告：共收到行政复议申请 228 件。' } },
      ],
    };
    const res = await post(app, { messages: [...conversation('行政复议收到多少件？'), earlier, ...conversation('那纠错率呢？')] });
    await res.text();
    expect(fake.chats[0]!.messages[2]).toEqual({ role: 'assistant', content: '根据报告：共收到行政复议申请 228 件。' });
  });

  it('withdraws what was shown when the stream breaks off after the first claim: the message keeps only the final answer', async () => {
    fake.script({ kind: 'cut', text: GOOD, afterChars: GOOD.indexOf('纠错率为') + 3 });
    const { answer, text, citations, parts, chunks } = await chat(app, Q);
    expect(answer).toMatchObject({ mode: 'extractive', degraded: true, degradedReason: 'stream-interrupted' });
    // The model's first claim and its citation were shown while it wrote…
    const withdrawn = '2023年共收到行政复议申请228件[1]，';
    expect(chunks.some((c) => c.type === 'data-draft' && (c.data as { text: string }).text === withdrawn)).toBe(true);
    const shownQuote = chunks
      .flatMap((c) => (c.type === 'data-citation' && c.transient ? [(c.data as { quote: string }).quote] : []))
      .at(0);
    expect(shownQuote).toBe('共收到行政复议申请 228 件');
    // …and the message the reader keeps has none of it: one text part, the final answer's citations and sources only.
    expect(text).toEqual([answer.answer]);
    expect(JSON.stringify(parts)).not.toContain('2023年共收到行政复议申请228件');
    const final = answer.citations.map(({ n, id, quote, start, end }) => ({ n, id, quote, start, end }));
    expect(citations.map(({ n, id, quote, start, end }) => ({ n, id, quote, start, end }))).toEqual(final);
    const sources = parts.flatMap((p) => (p.type === 'source-document' ? [p.sourceId] : []));
    expect(sources).toEqual(answer.citations.map((c) => `${c.id}:${c.start}-${c.end}`));
    expect(parts.map((p) => p.type).filter((t) => t !== 'data-citation' && t !== 'source-document')).toEqual(['text', 'data-answer']);
  });

  it("a useChat client (the AI SDK's own Chat) ends with one assistant message: the final answer, not the withdrawn one", async () => {
    fake.script({ kind: 'cut', text: GOOD, afterChars: GOOD.indexOf('纠错率为') + 3 });
    const drafts: string[] = [];
    const chat = new NodeChat(app, (part) => part.type === 'data-draft' && drafts.push(part.data.text));
    await chat.sendMessage({ text: '行政复议一共收到多少件申请？' });
    expect(chat.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    const reply = chat.messages[1]!;
    const answer = reply.parts.find((p) => p.type === 'data-answer')!.data;
    expect(answer).toMatchObject({ degraded: true, degradedReason: 'stream-interrupted' });
    expect(reply.parts.flatMap((p) => (p.type === 'text' ? [p.text] : []))).toEqual([answer.answer]);
    expect(drafts).toContain('2023年共收到行政复议申请228件[1]，'); // shown while written, through onData
    expect(JSON.stringify(reply)).not.toContain('2023年共收到行政复议申请228件');
  });

  it('a slow first token: the extractive answer streams within the limit', async () => {
    fake.script({ kind: 'text', text: GOOD, firstTokenDelayMs: 5_000 });
    const { answer, ms, text } = await chat(app, Q);
    expect(answer).toMatchObject({ mode: 'extractive', degraded: true, degradedReason: 'first-token-timeout' });
    expect(text).toEqual([answer.answer]);
    expect(ms).toBeLessThan(800 + 700);
  });

  it('HTTP 429 / 500 / garbage: the extractive answer, never an error part, never the key', async () => {
    for (const [reply, reason] of [
      [{ kind: 'status', status: 429, headers: { 'retry-after': '20' } }, 'rate-limited'],
      [{ kind: 'status', status: 500 }, 'provider-unavailable'],
      [{ kind: 'garbage', body: 'data: {oops\n\n' }, 'invalid-response'],
      [{ kind: 'status', status: 401, body: `{"error":{"message":"Incorrect API key provided: ${SECRET}"}}` }, 'provider-error'],
    ] as const) {
      fake.script(reply);
      const { answer, chunks } = await chat(app, Q);
      expect(answer).toMatchObject({ mode: 'extractive', degraded: true, degradedReason: reason });
      expect(chunks.some((c) => c.type === 'error')).toBe(false);
      expect(JSON.stringify(chunks)).not.toContain(SECRET);
    }
  });
});

/** The AI SDK's chat (what `useChat` wraps) with plain arrays for state, posting to the in-process app. */
class NodeChat extends AbstractChat<ChatUIMessage> {
  constructor(
    app: App,
    onData: (part: Parameters<NonNullable<ConstructorParameters<typeof AbstractChat<ChatUIMessage>>[0]['onData']>>[0]) => unknown,
  ) {
    const messages: ChatUIMessage[] = [];
    const state: ChatState<ChatUIMessage> = {
      status: 'ready',
      error: undefined,
      messages,
      pushMessage: (m) => void messages.push(m),
      popMessage: () => void messages.pop(),
      replaceMessage: (i, m) => void (messages[i] = m),
      snapshot: (thing) => structuredClone(thing),
    };
    const transport = new DefaultChatTransport<ChatUIMessage>({
      api: 'http://local/api/chat',
      fetch: async (url, init) => app.request(String(url), init),
    });
    super({ transport, state, onData: (part) => void onData(part) });
  }
}
