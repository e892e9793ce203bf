import { createServer, type Server } from 'node:http';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { cachedEmbedder } from '../src/embed/cached-embedder.js';
import type { Embedder } from '../src/embed/embedder.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
import { memoryVectorStore } from '../src/embed/memory-vector-store.js';
import { createNodeService } from '../src/node/create-node-service.js';
import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { createQaService } from '../src/qa-service.js';

/** An OpenAI-compatible embeddings endpoint that records what it was asked. */
let server: Server;
let baseURL: string;
const calls: { auth: string | undefined; inputs: string[] }[] = [];
beforeAll(async () => {
  const local = localHashEmbedder({ dimensions: 64 });
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      if (req.url !== '/v1/embeddings') {
        res.writeHead(404).end();
        return;
      }
      const { input } = JSON.parse(body) as { input: string[] };
      calls.push({ auth: req.headers.authorization, inputs: input });
      const vectors = await local.embed(input);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          object: 'list',
          data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
          model: 'fake-embed',
          usage: { prompt_tokens: 1, total_tokens: 1 },
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => server?.close());

function recording(inner: Embedder) {
  const seen: string[][] = [];
  return {
    seen,
    embedder: {
      ...inner,
      embed: async (texts: string[]) => {
        seen.push(texts);
        return inner.embed(texts);
      },
    } satisfies Embedder,
  };
}

describe('embedding cache', () => {
  it('embeds each distinct text once per model, and again for another model', async () => {
    const store = memoryVectorStore();
    const a = recording(localHashEmbedder());
    const first = await cachedEmbedder(a.embedder, store).embed(['甲', '乙', '甲']);
    const second = await cachedEmbedder(a.embedder, store).embed(['乙', '甲']);
    expect(a.seen).toEqual([['甲', '乙']]);
    expect(second).toEqual([first[1], first[0]]);
    const b = recording(localHashEmbedder({ dimensions: 32 }));
    await cachedEmbedder(b.embedder, store).embed(['甲']);
    expect(b.seen).toEqual([['甲']]);
  });
});

describe('a configured OpenAI-compatible embedding endpoint', () => {
  it('embeds the report through the AI SDK and does not re-embed after a restart', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'emb-'));
    const config = loadConfig({
      OPENAI_API_KEY: 'sk-test-secret',
      OPENAI_BASE_URL: baseURL,
      EMBEDDING_MODEL: 'fake-embed',
      CACHE_DIR: cacheDir,
    });
    const service = await createNodeService(config);
    expect(service.index.embedder.modelId).toBe('openai:fake-embed');
    const firstRun = calls.length;
    expect(firstRun).toBeGreaterThan(0);
    expect(calls[0]!.auth).toBe('Bearer sk-test-secret');
    expect(calls.flatMap((c) => c.inputs).length).toBeGreaterThanOrEqual(43);
    expect(existsSync(join(cacheDir, 'embeddings.json'))).toBe(true);

    const answer = await service.ask('行政复议一共收到多少件申请？');
    expect(answer.citations[0]!.id).toBe('s4.3');

    const before = calls.length;
    await createNodeService(config); // restart: paragraphs come from the cache
    expect(calls.length).toBe(before);
  });

  it('starts on the local embedder when the endpoint is unreachable', async () => {
    const config = loadConfig({
      OPENAI_API_KEY: 'sk-x',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      CACHE_DIR: mkdtempSync(join(tmpdir(), 'emb-')),
    });
    const service = await createNodeService(config);
    expect(service.index.embedder.modelId).toMatch(/^local-hash/);
    expect((await service.ask('“闽执法”移动终端配了多少台？')).citations[0]!.id).toBe('s5.3');
  });
});

describe('an embedding provider that fails at question time', () => {
  it('still answers, from full-text search alone', async () => {
    const local = localHashEmbedder();
    const flaky: Embedder = {
      ...local,
      embed: (texts, purpose) => (purpose === 'query' ? Promise.reject(new Error('503 from provider')) : local.embed(texts)),
    };
    const service = await createQaService({ corpus: loadCorpusFiles(), embedder: flaky });
    const answer = await service.ask('行政复议一共收到多少件申请？');
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]!.quote).toContain('228 件');
  });
});
