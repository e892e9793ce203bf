import { afterEach, describe, expect, it } from 'vitest';
import { spawnServer, type SpawnedServer } from './spawn-server.js';

let server: SpawnedServer | undefined;
afterEach(() => server?.stop());

const ask = (from: string, body: unknown = { question: '行政复议收到多少件？' }) =>
  fetch(`${server!.baseUrl}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const statuses = async (from: string, n: number) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await ask(from)).status);
  return out;
};

describe('rate limits behind a proxy', () => {
  it('with TRUST_PROXY, each citizen behind the proxy has a budget of their own', async () => {
    server = await spawnServer({ OPENAI_API_KEY: '', TRUST_PROXY: 'loopback', RATE_LIMIT_ASK_PER_MINUTE: '2' });
    expect(await statuses('203.0.113.7', 3)).toEqual([200, 200, 429]);
    expect(await statuses('198.51.100.9', 2)).toEqual([200, 200]);
  });

  it('with a hop count, the address the nearest proxy saw is used, not one the client wrote earlier in the header', async () => {
    server = await spawnServer({ OPENAI_API_KEY: '', TRUST_PROXY: '1', RATE_LIMIT_ASK_PER_MINUTE: '1' });
    expect(await statuses('10.9.9.9, 203.0.113.7', 2)).toEqual([200, 429]);
    // Forging another first entry does not buy a new budget: the proxy appended the real address.
    expect(await statuses('10.1.1.1, 203.0.113.7', 1)).toEqual([429]);
  });

  it('reads the standard Forwarded header (RFC 7239) the same way, ports and IPv6 brackets aside', async () => {
    server = await spawnServer({ OPENAI_API_KEY: '', TRUST_PROXY: 'loopback', RATE_LIMIT_ASK_PER_MINUTE: '1' });
    const via = (forwarded: string) =>
      fetch(`${server!.baseUrl}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', forwarded },
        body: JSON.stringify({ question: '行政复议收到多少件？' }),
      });
    expect((await via('for="192.0.2.60:4711";proto=https')).status).toBe(200);
    expect((await via('for="192.0.2.60"')).status, 'the same citizen, without the port').toBe(429);
    expect((await via('for="[2001:db8:cafe::17]:4711"')).status, 'another citizen').toBe(200);
  });

  it('without TRUST_PROXY, X-Forwarded-For is ignored (it can be forged): the socket address decides', async () => {
    server = await spawnServer({ OPENAI_API_KEY: '', RATE_LIMIT_ASK_PER_MINUTE: '2' });
    expect(await statuses('203.0.113.7', 2)).toEqual([200, 200]);
    expect(await statuses('198.51.100.9', 1)).toEqual([429]);
  });

  it('refused requests (400, 415) do not use budget; a 429 is logged with the client address', async () => {
    server = await spawnServer({ OPENAI_API_KEY: '', TRUST_PROXY: 'loopback', RATE_LIMIT_ASK_PER_MINUTE: '2', LOG_REQUESTS: 'false' });
    for (let i = 0; i < 3; i++) expect((await ask('203.0.113.7', '{{{')).status).toBe(400);
    expect((await ask('203.0.113.7', { question: '' })).status).toBe(400);
    const form = await fetch(`${server.baseUrl}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-forwarded-for': '203.0.113.7' },
      body: 'hi',
    });
    expect(form.status).toBe(415);
    expect(await statuses('203.0.113.7', 3)).toEqual([200, 200, 429]);
    await new Promise((r) => setTimeout(r, 100));
    const logged = server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    expect(logged.filter((e) => e.status === 429)).toEqual([
      expect.objectContaining({ path: '/api/ask', client: '203.0.113.7', msg: 'rate limited' }),
    ]);
    expect(logged.filter((e) => e.status === 200 || e.status === 400)).toEqual([]); // LOG_REQUESTS=false: only the 429
  });
});
