import { createServer as createTcpServer, connect, type Server } from 'node:net';
import { request } from 'node:http';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, startProcess, type SpawnedServer } from './spawn-server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const _ask = (baseUrl: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
/** What the server logged (after the build's own output, when npm start rebuilt first). */
const logLines = (server: { output(): string }) => {
  const lines = server
    .output()
    .split('\n')
    .filter((l) => l.trim());
  return lines.slice(lines.findIndex((l) => l.includes('"msg":"[startup]')));
};

/** A POST whose body arrives in chunks without Content-Length (Transfer-Encoding: chunked). */
function postChunked(baseUrl: string, path: string, chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('the built server under npm start', () => {
  let server: SpawnedServer;
  beforeAll(async () => {
    server = await spawnServer({ OPENAI_API_KEY: '', LOG_REQUESTS: 'true', HEADERS_TIMEOUT_MS: '1000', REQUEST_TIMEOUT_MS: '2000' });
  });
  afterAll(() => server?.stop());

  it('returns a request id in X-Request-Id and logs the request under it as one JSON line', async () => {
    const res = await fetch(`${server.baseUrl}/healthz`);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[\w-]{16,}$/);
    await new Promise((r) => setTimeout(r, 100));
    const entry = logLines(server)
      .map((l) => JSON.parse(l))
      .find((e) => e.reqId === id);
    expect(entry).toMatchObject({ method: 'GET', path: '/healthz', status: 200 });
  });

  it('sends the security headers, the request id and no-store over real HTTP, under what a route sets itself', async () => {
    const headersOf = (res: Response) =>
      ['x-content-type-options', 'referrer-policy', 'cache-control', 'cross-origin-resource-policy'].map((h) => res.headers.get(h));
    const ask = await _ask(server.baseUrl, { question: '行政复议收到多少件？' }, { 'x-request-id': 'proxy-given-id-1234' });
    expect([ask.status, ...headersOf(ask), ask.headers.get('x-request-id')]).toEqual([
      200,
      'nosniff',
      'no-referrer',
      'no-store',
      'same-origin',
      'proxy-given-id-1234',
    ]);
    expect(ask.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    const chat = await fetch(`${server.baseUrl}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: '行政复议收到多少件？' }] }] }),
    });
    await chat.text();
    expect(headersOf(chat).slice(0, 3)).toEqual(['nosniff', 'no-referrer', 'no-store']);
    const widget = await fetch(`${server.baseUrl}/widget.js`);
    await widget.text();
    expect(headersOf(widget)).toEqual(['nosniff', 'no-referrer', expect.stringMatching(/^public/), 'cross-origin']);
    const missing = await fetch(`${server.baseUrl}/api/nope`);
    expect([missing.status, ...headersOf(missing).slice(0, 3)]).toEqual([404, 'nosniff', 'no-referrer', 'no-store']);
  });

  it('tells caches that an API answer sent uncompressed depends on Accept-Encoding (Vary), with every other header', async () => {
    const plain = (path: string, body?: string) =>
      new Promise<{ headers: Record<string, unknown>; body: string }>((resolve, reject) => {
        const req = request(
          `${server.baseUrl}${path}`,
          { method: body ? 'POST' : 'GET', headers: { 'content-type': 'application/json' } },
          (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () => resolve({ headers: res.headers, body: text }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    for (const [path, body] of [['/api/ask', '{"question":"行政复议收到多少件？"}'], ['/api/search?q=复议'], ['/healthz']] as const) {
      const { headers, body: text } = await plain(path, body);
      expect([path, headers.vary, headers['cache-control'], headers['x-content-type-options'], headers['content-encoding']]).toEqual([
        path,
        'Accept-Encoding',
        'no-store',
        'nosniff',
        undefined,
      ]);
      expect(headers['x-request-id']).toMatch(/^[\w-]{16,}$/);
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it('writes every line as JSON, so an encoded CR/LF in a path cannot forge a log line', async () => {
    const forged = encodeURIComponent('\r\n{"level":30,"msg":"forged admin login"}\r\n');
    await fetch(`${server.baseUrl}/api/x${forged}`);
    await new Promise((r) => setTimeout(r, 100));
    const lines = logLines(server);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(lines.filter((l) => JSON.parse(l).msg === 'forged admin login')).toEqual([]);
    expect(lines.some((l) => JSON.parse(l).path?.includes('forged admin login'))).toBe(true);
  });

  it('answers a chunked body under the limit and refuses one over it with a JSON 413', async () => {
    const small = await postChunked(server.baseUrl, '/api/ask', ['{"question":', '"行政复议一共收到多少件申请？"}']);
    expect(small.status).toBe(200);
    expect(JSON.parse(small.body).citations[0].id).toBe('s4.3');
    const big = await postChunked(server.baseUrl, '/api/ask', [
      '{"question":"问","history":[',
      ...Array(40).fill(`{"role":"user","content":"${'x'.repeat(1000)}"},`),
      ']}',
    ]);
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error.code).toBe('payload_too_large');
  });

  it('closes a connection that never finishes its headers (HEADERS_TIMEOUT_MS), instead of holding it for minutes', async () => {
    const url = new URL(server.baseUrl);
    const socket = connect(Number(url.port), url.hostname);
    let reply = '';
    socket.on('data', (d: Buffer) => (reply += d.toString()));
    socket.write('POST /api/ask HTTP/1.1\r\nHost: x\r\n');
    const started = Date.now();
    await new Promise((resolve) => socket.on('close', resolve));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('shutdown', () => {
  it('exits on SIGTERM when nothing reads its log any more (the test runner or supervisor that started it is gone)', async () => {
    const orphan = await spawnServer({ OPENAI_API_KEY: '', LOG_REQUESTS: 'false' });
    // Right after it says it listens (its start-up lines may still be buffered): the pipe closed, then the signal. The
    // server logs its shutdown into the closed pipe and must not wait on it for ever.
    orphan.closeOutput();
    const code = await Promise.race([orphan.stop('SIGTERM'), new Promise((r) => setTimeout(() => r('still running'), 8_000))]);
    if (code === 'still running') orphan.stop('SIGKILL');
    expect(code).toBe(0);
  }, 20_000);

  it('on SIGTERM closes a connection stuck mid-request after SHUTDOWN_TIMEOUT_MS and exits 0', async () => {
    const server = await spawnServer({ OPENAI_API_KEY: '', SHUTDOWN_TIMEOUT_MS: '500', REQUEST_TIMEOUT_MS: '60000' });
    const url = new URL(server.baseUrl);
    const socket = connect(Number(url.port), url.hostname);
    socket.on('error', () => {});
    // Headers complete, body half sent: a request in flight that will never finish by itself.
    socket.write('POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"question":');
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    const code = await server.stop('SIGTERM');
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(server.output()).toMatch(/closed the connections still open/);
  });
});

describe('start-up failures: one line naming the cause, exit code 1', () => {
  const lastLine = (output: string) => output.trim().split('\n').at(-1)!;

  it('a port already in use', async () => {
    const holder: Server = createTcpServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', () => r()));
    const port = (holder.address() as { port: number }).port;
    const child = startProcess({ PORT: String(port), OPENAI_API_KEY: '' });
    expect(await child.exited).toBe(1);
    holder.close();
    expect(lastLine(child.output())).toMatch(new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}: the port is already in use`));
  });

  it('an unwritable CACHE_DIR (with a remote embedding model, which writes there)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cache-')), 'a-file');
    writeFileSync(file, '');
    const child = startProcess({ EMBEDDING_PROVIDER: 'openai', EMBEDDING_API_KEY: 'k-test', CACHE_DIR: join(file, 'sub') });
    expect(await child.exited).toBe(1);
    expect(lastLine(child.output())).toMatch(/CACHE_DIR .*a-file\/sub is not writable/);
  });

  it('a broken data file in corpus/', async () => {
    // A copy of the built server with its own corpus/: the bundle finds corpus/ two levels above it.
    const copy = mkdtempSync(join(tmpdir(), 'server-copy-'));
    for (const dir of ['build/server', 'build/public', 'corpus', 'prompts']) cpSync(join(root, dir), join(copy, dir), { recursive: true });
    cpSync(join(root, 'build/index-snapshot.json'), join(copy, 'build/index-snapshot.json'));
    writeFileSync(join(copy, 'corpus/vocabulary.json'), '{"entries": [');
    const child = startProcess({ OPENAI_API_KEY: '' }, { cwd: copy, script: 'build/server/server.mjs' });
    expect(await child.exited).toBe(1);
    const line = lastLine(child.output());
    expect(line).toMatch(/corpus\/vocabulary\.json cannot be read/);
    expect(child.output().trim().split('\n')).toHaveLength(1);
  });
});
