import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
let child: ChildProcess;
let baseUrl: string;

/** Start the real entry point (`npm start` runs the same file) on a free port chosen by the OS. */
beforeAll(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', OPENAI_API_KEY: '', LOG_REQUESTS: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  baseUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
});

afterAll(() => {
  child?.kill('SIGTERM');
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
