import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './node-process.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface LocalWorker {
  baseUrl: string;
  /** Milliseconds from spawning wrangler until it said it was ready. */
  readyMs: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Run the worker locally in workerd (`wrangler dev --local`), offline, on a free port. Needs
 * `npm run build:web && npm run build:index` first (the assets and the index snapshot).
 */
export async function startLocalWorker(
  vars: Record<string, string> = {},
  { persistTo }: { persistTo?: string } = {},
): Promise<LocalWorker> {
  const port = await freePort();
  const started = performance.now();
  const args = [
    'dev',
    '--local',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--log-level',
    'warn',
    ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
    // Local state (the D1 database) somewhere of the caller's choosing instead of .wrangler/state.
    ...(persistTo ? ['--persist-to', persistTo] : []),
  ];
  // Signal the wrangler process itself (not an npx wrapper), or workerd is left running.
  const child: ChildProcess = spawn(join(root, 'node_modules/.bin/wrangler'), args, {
    cwd: root,
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: 'false',
      XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'wrangler-')),
      CI: '1',
      OPENAI_API_KEY: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => void (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => void (output += c.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  let readyMs = 0;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`wrangler dev did not become ready:\n${output}`);
    try {
      // A static asset answers without running the app, so the first API request stays cold.
      const res = await fetch(`${baseUrl}/widget.js`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`assets answered ${res.status}`);
      readyMs = performance.now() - started;
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    baseUrl,
    readyMs,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
