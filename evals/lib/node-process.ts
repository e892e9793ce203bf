import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';

export interface NodeProcess {
  baseUrl: string;
  pid: number;
  /** Milliseconds from spawning `node` until GET /healthz answered 200. */
  readyMs: number;
  /** Resident memory of the process in MiB (from /proc). */
  rssMiB(): number;
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Spawn `node ...args` directly (no npm, no shell, so the pid is the server's own) on a free
 * port and poll GET /healthz until it answers; the time from spawn to that answer is `readyMs`.
 */
export async function startNodeProcess(args: string[], env: Record<string, string>, cwd: string): Promise<NodeProcess> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Keep only the tail: request logs under load would otherwise fill the bench's memory.
  const collect = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`node ${args.join(' ')} exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`node ${args.join(' ')} did not answer /healthz:\n${output}`);
    if (await healthy(port)) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const readyMs = performance.now() - started;
  return {
    baseUrl,
    pid: child.pid!,
    readyMs,
    rssMiB: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * One GET /healthz over node:http, true on a 200. Not `fetch`: undici's first call in the measuring
 * process costs tens of milliseconds of its own set-up, which would be counted as the server's start.
 */
function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(1_000, () => request.destroy());
  });
}
