import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from './helpers.js';
import { spawnServer, type SpawnedServer } from './spawn-server.js';

let server: SpawnedServer;
let baseUrl: string;

beforeAll(async () => {
  server = await spawnServer({ OPENAI_API_KEY: '', LOG_REQUESTS: 'false' });
  baseUrl = server.baseUrl;
});

afterAll(() => {
  server?.stop();
});

describe('the real server', () => {
  it('answers a question over HTTP', async () => {
    const res = await fetch(`${baseUrl}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: '“闽执法”移动终端一共配了多少台？' }),
    });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.abstained).toBe(false);
    expect(body.citations[0].id).toBe('s5.3');
    expect(body.citations[0].quote).toContain('118 台');
  });

  it('stays up after bad input', async () => {
    const bad = await fetch(`${baseUrl}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{{{' });
    expect(bad.status).toBe(400);
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
  });
});
