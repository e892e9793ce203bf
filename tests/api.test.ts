import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/create-app.js';
import { json, offlineService } from './helpers.js';
import { checkedAgainstOpenApi } from './openapi-conformance.js';

// Every response in this file is checked against the published OpenAPI document (status, body, headers).
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  app = checkedAgainstOpenApi(createApp({ service: await offlineService(), bodyLimit: 4096 }));
});

const ask = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app.request('/api/ask', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function expectError(res: Response, status: number, code: string, message?: RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await json(res)) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  if (message) expect(body.error.message).toMatch(message);
}

describe('POST /api/ask', () => {
  it('answers with the documented shape: verbatim paragraph, quote = text.slice(start, end), best first', async () => {
    const res = await ask({ question: '老百姓告政府，负责人出庭了吗？' });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({ abstained: false, mode: 'extractive' });
    expect(typeof body.answer).toBe('string');
    expect(body.citations[0].id).toBe('s4.2');
    for (const c of body.citations) {
      expect(Object.keys(c).sort()).toEqual(['end', 'id', 'quote', 'section', 'start', 'text']);
      expect(c.text.slice(c.start, c.end)).toBe(c.quote);
    }
    expect(body.citations[0].quote).toContain('出庭率达 100%');
  });

  it('uses history for follow-ups', async () => {
    const res = await ask({
      question: '那纠错率呢？',
      history: [
        { role: 'user', content: '行政复议收到多少件？' },
        { role: 'assistant', content: '228 件。' },
      ],
    });
    const body = await json(res);
    expect(body.citations[0].quote).toContain('纠错率');
  });

  it('declines with abstained: true and no citations when the report does not say', async () => {
    const body = await json(await ask({ question: '石狮的GDP是多少？' }));
    expect(body.abstained).toBe(true);
    expect(body.citations).toEqual([]);
    expect(body.answer).toMatch(/^报告中没有找到/);
  });

  it('rejects malformed JSON with 400', async () => {
    await expectError(await ask('{"question": '), 400, 'invalid_json', /not valid JSON/);
  });
  it('rejects a question of the wrong type with 400', async () => {
    await expectError(await ask({ question: 42 }), 400, 'invalid_request', /question/);
  });
  it('rejects a missing question with 400', async () => {
    await expectError(await ask({}), 400, 'invalid_request', /question/);
  });
  it('rejects an empty or blank question with 400', async () => {
    await expectError(await ask({ question: '' }), 400, 'invalid_request', /empty/);
    await expectError(await ask({ question: '   ' }), 400, 'invalid_request', /empty/);
  });
  it('rejects a question over 500 characters with 400, and accepts exactly 500', async () => {
    await expectError(await ask({ question: '问'.repeat(501) }), 400, 'invalid_request', /500/);
    expect((await ask({ question: '问'.repeat(500) })).status).toBe(200);
  });
  it('rejects more than 10 history turns with 400', async () => {
    const history = Array.from({ length: 11 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: '行政复议' }));
    await expectError(await ask({ question: '那纠错率呢？', history }), 400, 'invalid_request', /10/);
  });
  it('rejects a history turn with an unknown role or the wrong shape with 400', async () => {
    await expectError(await ask({ question: '问', history: [{ role: 'system', content: 'x' }] }), 400, 'invalid_request', /role/);
    await expectError(await ask({ question: '问', history: 'hello' }), 400, 'invalid_request', /history/);
  });
  it('rejects a JSON body that is not an object with 400', async () => {
    await expectError(await ask('[1,2]'), 400, 'invalid_request');
    await expectError(await ask('null'), 400, 'invalid_request');
  });
  it('rejects a body over the limit with 413', async () => {
    await expectError(await ask({ question: '问', history: [{ role: 'user', content: 'x'.repeat(5000) }] }), 413, 'payload_too_large');
  });
  it('rejects a body that is not JSON with 415', async () => {
    await expectError(await ask('question=hi', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
  });
  it('answers a wrong method with 405 and the methods the path takes in Allow', async () => {
    const res = await app.request('/api/ask');
    expect(res.headers.get('allow')).toBe('POST, OPTIONS');
    await expectError(res, 405, 'method_not_allowed', /GET is not allowed on \/api\/ask/);
    const del = await app.request('/api/paragraphs/s4.3', { method: 'DELETE' });
    expect(del.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    await expectError(del, 405, 'method_not_allowed');
    expect((await app.request('/api/search', { method: 'OPTIONS' })).status).toBe(204);
    const doc = await app.request('/api/openapi.json', { method: 'POST' });
    expect([doc.status, doc.headers.get('allow')]).toEqual([405, 'GET, HEAD, OPTIONS']);
  });
  it('still answers an unknown path with 404, whatever the method', async () => {
    await expectError(await app.request('/api/nope', { method: 'POST' }), 404, 'not_found');
  });
});

describe('GET /api/search', () => {
  it('ranks paragraphs and returns the matched sentence spans', async () => {
    const res = await app.request(`/api/search?q=${encodeURIComponent('闽执法')}&limit=3`);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.hits.length).toBeLessThanOrEqual(3);
    expect(body.hits[0].id).toBe('s5.3');
    const span = body.hits[0].spans[0];
    expect(body.hits[0].text.slice(span.start, span.end)).toBe(span.quote);
    expect(span.quote).toContain('闽执法');
  });
  it('finds figures by number', async () => {
    const body = await json(await app.request('/api/search?q=228'));
    expect(body.hits[0].id).toBe('s4.3');
  });
  it('leaves out the paragraphs’ text for a client that holds them (text=false), the same hits otherwise', async () => {
    const q = encodeURIComponent('行政复议');
    const full = await json(await app.request(`/api/search?q=${q}&limit=5`));
    const brief = await json(await app.request(`/api/search?q=${q}&limit=5&text=false`));
    expect(brief.hits.map((h: { id: string }) => h.id)).toEqual(full.hits.map((h: { id: string }) => h.id));
    expect(brief.hits.every((h: object) => !('text' in h))).toBe(true);
    expect(brief.hits[0].spans).toEqual(full.hits[0].spans);
    // Asked again, the kept result still has its text for the next client that wants it.
    expect((await json(await app.request(`/api/search?q=${q}&limit=5`))).hits[0].text).toBe(full.hits[0].text);
    await expectError(await app.request(`/api/search?q=${q}&text=no`), 400, 'invalid_request', /text/);
  });
  it('rejects a missing q, a bad limit, or a limit out of range with 400', async () => {
    await expectError(await app.request('/api/search'), 400, 'invalid_request', /q/);
    await expectError(await app.request('/api/search?q=x&limit=abc'), 400, 'invalid_request', /limit/);
    await expectError(await app.request('/api/search?q=x&limit=0'), 400, 'invalid_request', /limit/);
    await expectError(await app.request('/api/search?q=x&limit=1000'), 400, 'invalid_request', /limit/);
  });
});

describe('paragraphs, outline, health', () => {
  it('returns one paragraph verbatim by id', async () => {
    const res = await app.request('/api/paragraphs/s4.3');
    expect(res.status).toBe(200);
    const p = await json(res);
    expect(p.text).toContain('共收到行政复议申请 228 件');
    expect(p.section).toBe('四、不断完善依法行政制度体系 › （三）完善行政复议机制，提升行政复议质效');
  });
  it('answers an unknown id with 404', async () => {
    await expectError(await app.request('/api/paragraphs/s99.1'), 404, 'not_found', /s99\.1/);
    await expectError(await app.request(`/api/paragraphs/${encodeURIComponent('<script>')}`), 404, 'not_found');
  });
  it('returns the section tree with paragraph ids', async () => {
    const body = await json(await app.request('/api/outline'));
    expect(body.docNumber).toBe('狮政综〔2024〕8号');
    const titles = body.sections.map((s: { title: string }) => s.title);
    expect(titles).toContain('四、不断完善依法行政制度体系');
    const part4 = body.sections.find((s: { id: string }) => s.id === 's4');
    expect(part4.children.map((c: { id: string }) => c.id)).toEqual(['s4.1', 's4.2', 's4.3']);
  });
  it('reports health', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: 'ok', paragraphs: 43 });
  });
  it('answers an unknown route with a JSON 404', async () => {
    await expectError(await app.request('/nope'), 404, 'not_found');
  });
  it('publishes an OpenAPI document', async () => {
    const doc = await json(await app.request('/api/openapi.json'));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/ask', '/api/search', '/api/paragraphs/{id}', '/api/outline']));
  });
});

describe('robustness', () => {
  it('never answers random input with a 5xx', async () => {
    const alphabet = [...'行政复议228件，。？?!a1 .*()[]\\%😀<>"\'', '\u0000', '\u200b'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 200; i++) {
      const q = Array.from({ length: 1 + Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const responses = await Promise.all([
        ask({ question: q, history: [{ role: 'user', content: q }] }),
        app.request(`/api/search?q=${encodeURIComponent(q)}`),
        app.request(`/api/paragraphs/${encodeURIComponent(q)}`),
        ask(q),
      ]);
      for (const res of responses) expect(res.status, q).toBeLessThan(500);
    }
  });
});

describe('cross-origin embedding', () => {
  it('lets an allowed site call the API from the browser and refuses others', async () => {
    const embedded = checkedAgainstOpenApi(createApp({ service: await offlineService(), corsOrigins: ['https://www.shishi.gov.cn'] }));
    const preflight = await embedded.request('/api/chat', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://www.shishi.gov.cn',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://www.shishi.gov.cn');
    const other = await embedded.request('/api/search?q=228', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
  it('sends no CORS headers when no origin is configured (same-origin only)', async () => {
    const res = await app.request('/api/search?q=228', { headers: { origin: 'https://www.shishi.gov.cn' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('rate limiting', () => {
  it('answers a client over its limit with 429 and a JSON error, and other clients normally', async () => {
    const { nodeRateLimits } = await import('../src/node/node-rate-limits.js');
    const limited = checkedAgainstOpenApi(
      createApp({
        service: await offlineService(),
        rateLimits: nodeRateLimits(
          { askPerMinute: 2, searchPerMinute: 5, feedbackPerMinute: 3 },
          (c) => c.req.header('x-test-client') ?? 'a',
        ),
      }),
    );
    const askAs = (client: string) =>
      limited.request('/api/ask', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-test-client': client },
        body: JSON.stringify({ question: '行政复议收到多少件？' }),
      });
    expect((await askAs('a')).status).toBe(200);
    expect((await askAs('a')).status).toBe(200);
    const third = await askAs('a');
    await expectError(third, 429, 'rate_limited', /try again/);
    expect(third.headers.get('retry-after')).toBe('60');
    expect((await askAs('b')).status).toBe(200);
  });
});
