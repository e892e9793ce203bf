import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';

/**
 * What the fake says to one chat-completions request:
 * - `text`: a normal reply, as SSE chunks when the client asked to stream, as JSON otherwise;
 *   `firstTokenDelayMs` waits before the first chunk (before the JSON body), `chunkDelayMs` between chunks;
 * - `stall`: streams the first `afterChars` characters, then sends nothing more, forever;
 * - `cut`: streams the first `afterChars` characters, then drops the connection;
 * - `status`: an HTTP error with optional headers (429 with `retry-after`, 500, 503 …);
 * - `garbage`: a 200 whose body is not what the protocol says (broken JSON / broken SSE).
 */
export type FakeReply =
  | { kind: 'text'; text: string; firstTokenDelayMs?: number; chunkDelayMs?: number; chunkChars?: number }
  | { kind: 'stall'; text: string; afterChars: number }
  | { kind: 'cut'; text: string; afterChars: number }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'garbage'; body: string; contentType?: string };

export interface ChatRequest {
  model: string;
  stream: boolean;
  messages: { role: string; content: string | { type: string; text?: string }[] }[];
  authorization: string | undefined;
  /** The last user message, as text. */
  question: string;
  /** The system prompt, as text. */
  system: string;
}

export interface FakeOpenAi {
  baseURL: string;
  /** Every chat request received for an answer, in order (query rewrites are in `rewrites`). */
  chats: ChatRequest[];
  /** Decides the reply to each answer request; tests replace it. A queue of replies can be given with `script`. */
  reply: (request: ChatRequest) => FakeReply;
  /** Replies taken in order, one per answer request; the last one repeats. */
  script(...replies: FakeReply[]): void;
  /** Every query-rewrite request (recognised by its system prompt), in order. */
  rewrites: ChatRequest[];
  /** Decides the reply to each rewrite request; by default an empty reply (no terms), so answers are unaffected. */
  rewrite: (request: ChatRequest) => FakeReply;
  close(): Promise<void>;
}

/** The query rewrite's system prompt says what it is for (prompts/rewrite-query.zh.v1.txt); the answer prompts never mention 检索. */
const REWRITE_SYSTEM = /检索/u;

/**
 * An OpenAI-compatible server on 127.0.0.1 with scripted replies: `/v1/chat/completions`
 * (JSON and SSE streaming) and `/v1/embeddings` (the local hash embedder, so retrieval works).
 * It speaks the real wire protocol, so the real `@ai-sdk/openai` client is what gets tested.
 */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const embedder = localHashEmbedder({ dimensions: 64 });
  const sockets = new Set<Socket>();
  const fake: FakeOpenAi = {
    baseURL: '',
    chats: [],
    reply: () => ({ kind: 'status', status: 500, body: '{"error":{"message":"no reply scripted"}}' }),
    script(...replies) {
      let i = 0;
      fake.reply = () => replies[Math.min(i++, replies.length - 1)]!;
    },
    rewrites: [],
    rewrite: () => ({ kind: 'text', text: '' }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  const server: Server = createServer(function handle(req, res) {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      route(req, res, body).catch(() => res.destroy());
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function route(req: IncomingMessage, res: ServerResponse, body: string) {
    if (req.url === '/v1/embeddings') {
      const { input } = JSON.parse(body) as { input: string[] };
      const vectors = await embedder.embed(input);
      return sendJson(res, 200, {
        object: 'list',
        data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
        model: 'fake-embed',
        usage: { prompt_tokens: 1, total_tokens: 1 },
      });
    }
    if (req.url !== '/v1/chat/completions') return sendJson(res, 404, { error: { message: `no route ${req.url}` } });
    const parsed = JSON.parse(body) as Omit<ChatRequest, 'authorization' | 'question' | 'system'>;
    const last = [...parsed.messages].reverse().find((m) => m.role === 'user');
    const text = (m: ChatRequest['messages'][number] | undefined) =>
      typeof m?.content === 'string' ? m.content : (m?.content ?? []).map((p) => p.text ?? '').join('');
    const system = text(parsed.messages.find((m) => m.role === 'system'));
    const request: ChatRequest = {
      ...parsed,
      stream: parsed.stream === true,
      authorization: req.headers.authorization,
      question: text(last),
      system,
    };
    const isRewrite = REWRITE_SYSTEM.test(system);
    (isRewrite ? fake.rewrites : fake.chats).push(request);
    const reply = isRewrite ? fake.rewrite(request) : fake.reply(request);
    switch (reply.kind) {
      case 'status':
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        return void res.end(reply.body ?? JSON.stringify({ error: { message: `status ${reply.status}`, type: 'server_error' } }));
      case 'garbage':
        res.writeHead(200, { 'content-type': reply.contentType ?? (request.stream ? 'text/event-stream' : 'application/json') });
        return void res.end(reply.body);
      case 'text':
        if (!request.stream) {
          if (reply.firstTokenDelayMs) await sleep(reply.firstTokenDelayMs);
          if (res.destroyed) return;
          return sendJson(res, 200, completion(request.model, reply.text));
        }
        return streamText(res, request.model, reply.text, reply);
      case 'stall':
      case 'cut':
        return streamPrefix(res, request.model, reply.text.slice(0, reply.afterChars), reply.kind);
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

function completion(model: string, text: string) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

function chunk(model: string, delta: Record<string, unknown>, finishReason: string | null = null) {
  return `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1_700_000_000, model, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function streamText(
  res: ServerResponse,
  model: string,
  text: string,
  { firstTokenDelayMs = 0, chunkDelayMs = 0, chunkChars = 6 }: { firstTokenDelayMs?: number; chunkDelayMs?: number; chunkChars?: number },
) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
  if (firstTokenDelayMs) await sleep(firstTokenDelayMs);
  if (res.destroyed) return;
  res.write(chunk(model, { role: 'assistant', content: '' }));
  const chars = [...text];
  for (let i = 0; i < chars.length; i += chunkChars) {
    if (res.destroyed) return;
    res.write(chunk(model, { content: chars.slice(i, i + chunkChars).join('') }));
    if (chunkDelayMs) await sleep(chunkDelayMs);
  }
  res.write(chunk(model, {}, 'stop'));
  res.end('data: [DONE]\n\n');
}

/** The start of a reply, then either silence with the connection open (`stall`) or a dropped connection (`cut`). */
async function streamPrefix(res: ServerResponse, model: string, prefix: string, kind: 'stall' | 'cut') {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(chunk(model, { role: 'assistant', content: '' }));
  for (const piece of prefix.match(/[\s\S]{1,6}/gu) ?? []) res.write(chunk(model, { content: piece }));
  if (kind === 'cut') {
    await sleep(20);
    res.socket?.destroy();
  }
}

/** The environment that points the service at `fake`: its URL, the key, its chat and embedding models, a fresh cache directory. */
export function fakeModelEnv(fake: FakeOpenAi, apiKey: string): Record<string, string> {
  return {
    OPENAI_API_KEY: apiKey,
    OPENAI_BASE_URL: fake.baseURL,
    OPENAI_MODEL: 'fake-chat',
    EMBEDDING_MODEL: 'fake-embed',
    CACHE_DIR: mkdtempSync(join(tmpdir(), 'fake-model-')),
  };
}
