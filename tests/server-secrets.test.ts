import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type SpawnedServer } from './spawn-server.js';

const KEY = 'sk-live-0123456789abcdefSECRET';

/**
 * A provider that refuses the key and quotes it back (as some OpenAI-compatible servers do),
 * except for questions containing 慢, whose chat call it leaves hanging to see when it is aborted.
 */
function startRudeProvider() {
  const state = { hanging: 0, aborted: 0 };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.url?.endsWith('/chat/completions') && body.includes('慢')) {
        state.hanging++;
        res.on('close', () => state.aborted++);
        return; // never answers
      }
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: {
            message: `Incorrect API key provided: ${KEY}. You sent header Authorization: ${req.headers.authorization}`,
            type: 'invalid_request_error',
          },
        }),
      );
    });
  });
  return new Promise<{ baseURL: string; state: typeof state; close(): void }>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        baseURL: `http://127.0.0.1:${port}/v1`,
        state,
        close() {
          server.closeAllConnections();
          server.close();
        },
      });
    }),
  );
}

describe('a provider that echoes the API key', () => {
  let provider: Awaited<ReturnType<typeof startRudeProvider>>;
  let server: SpawnedServer;
  beforeAll(async () => {
    provider = await startRudeProvider();
    server = await spawnServer({
      OPENAI_API_KEY: KEY,
      OPENAI_BASE_URL: provider.baseURL,
      EMBEDDING_PROVIDER: 'openai',
      CACHE_DIR: mkdtempSync(join(tmpdir(), 'cache-')),
      LLM_REWRITE: 'false',
      LLM_MAX_RETRIES: '0',
      LLM_FIRST_TOKEN_TIMEOUT_MS: '20000',
      LLM_TOTAL_TIMEOUT_MS: '30000',
    });
  });
  afterAll(async () => {
    await server?.stop();
    provider?.close();
  });

  it('never writes the key or the bearer token to the log, but does log the failures, redacted', async () => {
    const res = await fetch(`${server.baseUrl}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: '行政复议收到多少件？' }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).degraded).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    const output = server.output();
    expect(output).not.toContain(KEY);
    expect(output).not.toMatch(/Bearer sk-/);
    expect(output).toMatch(/embedding endpoint failed.*Incorrect API key provided: \[redacted\]/);
    expect(output).toMatch(/Bearer \[redacted\]/);
    expect(output).toMatch(/embeddings=local-hash-bigram-v1-512 \(text-embedding-3-small at .* failed at start-up\)/);
  });

  it('/api/ask stops the model call when the client hangs up', async () => {
    const controller = new AbortController();
    const pending = fetch(`${server.baseUrl}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: '慢慢说，行政复议收到多少件？' }),
      signal: controller.signal,
    }).catch(() => 'aborted');
    await expect.poll(() => provider.state.hanging, { timeout: 5_000 }).toBe(1);
    controller.abort();
    expect(await pending).toBe('aborted');
    await expect.poll(() => provider.state.aborted, { timeout: 3_000 }).toBe(1);
  });
});
