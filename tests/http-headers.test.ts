import { serveStatic } from '@hono/node-server/serve-static';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/create-app.js';
import { json, offlineService } from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const publicDir = `${root}build/public`;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  // The pages and widget.js as `npm start` serves them (npm test builds them first; build again to be sure).
  execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/build-web.ts'], { cwd: root, stdio: 'ignore' });
  const assets = serveStatic({ root: publicDir });
  app = createApp({ service: await offlineService(), assets, corsOrigins: ['https://www.shishi.gov.cn'] });
});

const gzip = { 'accept-encoding': 'gzip, deflate' };
const browser = { 'accept-encoding': 'gzip, deflate, br, zstd' };
/** The CSP as {directive: values}. */
function cspOf(res: Response): Record<string, string[]> {
  const directives = (res.headers.get('content-security-policy') ?? '').split(/;\s*/).map((d) => d.split(' '));
  return Object.fromEntries(directives.map(([name, ...values]) => [name, values]));
}

describe('security headers', () => {
  it('marks API answers nosniff, no-referrer and never cacheable', async () => {
    const body = '{"question":"行政复议收到多少件？"}';
    const res = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const error = await app.request('/api/search');
    const errorHeaders = [error.headers.get('cache-control'), error.headers.get('x-content-type-options')];
    expect([error.status, ...errorHeaders]).toEqual([400, 'no-store', 'nosniff']);
  });

  it('marks the chat event stream too, a response its route builds itself', async () => {
    const question = { id: 'm1', role: 'user', parts: [{ type: 'text', text: '行政复议收到多少件？' }] };
    const res = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [question] }),
    });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const marks = ['x-content-type-options', 'referrer-policy', 'cache-control'].map((h) => res.headers.get(h));
    expect(marks).toEqual(['nosniff', 'no-referrer', 'no-store']);
    expect(cspOf(res)['frame-ancestors']).toEqual(["'self'"]);
  });

  it("gives the demo and staff pages a CSP that runs only this origin's scripts and styles, and the pages need nothing else", async () => {
    for (const [path, file] of [
      ['/', 'index.html'],
      ['/staff/', 'staff/index.html'],
    ] as const) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      const csp = cspOf(res);
      expect(csp['script-src'], path).toEqual(["'self'"]);
      expect(csp['style-src'], path).toEqual(["'self'"]);
      expect(csp['frame-ancestors'], path).toEqual(["'self'"]);
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      const html = readFileSync(`${publicDir}/${file}`, 'utf8');
      expect(html, `${file}: inline script`).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(html, `${file}: inline style`).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    }
  });

  it('does not serve the Workers header rules (build/public/_headers) as a file', async () => {
    expect((await app.request('/_headers')).status).toBe(404);
  });

  it('lets the operator choose who may frame the pages', async () => {
    const framed = createApp({ service: await offlineService(), frameAncestors: ["'self'", 'https://www.shishi.gov.cn'] });
    const res = await framed.request('/healthz');
    expect(cspOf(res)['frame-ancestors']).toEqual(["'self'", 'https://www.shishi.gov.cn']);
    expect(res.headers.get('x-frame-options')).toBeNull(); // it cannot name another origin
  });

  it('lets the widget on an allowed site read Retry-After and the RateLimit headers', async () => {
    const res = await app.request('/api/search?q=228', { headers: { origin: 'https://www.shishi.gov.cn' } });
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']));
  });
});

describe('compression on Node', () => {
  it('gzips JSON answers for clients that accept it, and only for them', async () => {
    const plain = await app.request('/api/paragraphs');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const packed = await app.request('/api/paragraphs', { headers: gzip });
    expect(packed.headers.get('content-encoding')).toBe('gzip');
    expect(packed.headers.get('vary')).toMatch(/accept-encoding/i);
    const bytes = Buffer.from(await packed.arrayBuffer());
    const original = await plain.text();
    expect(bytes.length).toBeLessThan(Buffer.byteLength(original) / 2);
    expect(gunzipSync(bytes).toString()).toBe(original);
  });

  it('sends brotli to clients that accept it (every current browser), gzip to the others', async () => {
    const original = await (await app.request('/api/paragraphs')).text();
    const br = await app.request('/api/paragraphs', { headers: browser });
    expect(br.headers.get('content-encoding')).toBe('br');
    const bytes = Buffer.from(await br.arrayBuffer());
    expect(brotliDecompressSync(bytes).toString()).toBe(original);
    const gz = await app.request('/api/paragraphs', { headers: gzip });
    expect(bytes.length).toBeLessThan(Buffer.from(await gz.arrayBuffer()).length);
    const preferGzip = await app.request('/api/paragraphs', { headers: { 'accept-encoding': 'br;q=0.5, gzip' } });
    expect(preferGzip.headers.get('content-encoding')).toBe('gzip');
    const widget = await app.request('/widget.js', { headers: browser });
    expect(widget.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await widget.arrayBuffer())).toString()).toContain('attachShadow');
  });

  it('gzips widget.js and the pages', async () => {
    for (const path of ['/widget.js', '/', '/staff/staff.js']) {
      const res = await app.request(path, { headers: gzip });
      expect(res.headers.get('content-encoding'), path).toBe('gzip');
      expect(gunzipSync(Buffer.from(await res.arrayBuffer())).length, path).toBeGreaterThan(1000);
    }
  });

  it('never compresses the chat event stream, which must reach the reader as it is written', async () => {
    const question = { id: 'm1', role: 'user', parts: [{ type: 'text', text: '行政复议收到多少件？' }] };
    const body = JSON.stringify({ messages: [question] });
    const headers = { 'content-type': 'application/json', ...browser };
    const res = await app.request('/api/chat', { method: 'POST', headers, body });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toContain('data-answer');
  });
});

describe('widget.js caching', () => {
  const versionedSrc = () => /src="(\/widget\.js\?v=[0-9a-f]{12})"/.exec(readFileSync(`${publicDir}/index.html`, 'utf8'))![1]!;

  it('has a strong ETag per representation and answers If-None-Match with a bodiless 304', async () => {
    for (const headers of [{}, gzip, browser]) {
      const first = await app.request('/widget.js', { headers });
      const tag = first.headers.get('etag');
      expect(tag).toMatch(/^"[^"]+"$/); // strong: no W/
      const again = await app.request('/widget.js', { headers: { ...headers, 'if-none-match': tag! } });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(tag);
      expect(await again.text()).toBe('');
    }
    const tagOf = async (headers: Record<string, string>) => (await app.request('/widget.js', { headers })).headers.get('etag');
    const tags = await Promise.all([{}, gzip, browser].map(tagOf));
    expect(new Set(tags).size).toBe(3);
    expect((await app.request('/widget.js', { headers: { 'if-none-match': '"stale"' } })).status).toBe(200);
  });

  it('may be kept by other sites: five minutes at the plain URL, a year at the versioned URL the build writes', async () => {
    const plain = await app.request('/widget.js');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=300');
    expect(plain.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const versioned = await app.request(versionedSrc());
    expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const unknown = await app.request('/widget.js?v=000000000000');
    expect(unknown.headers.get('cache-control')).toBe('public, max-age=300');
  });
});

describe('health', () => {
  it('is not cached either', async () => {
    const res = await app.request('/healthz');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await json(res)).status).toBe('ok');
  });
});
