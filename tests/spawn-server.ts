import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface SpawnedServer {
  baseUrl: string;
  pid: number;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Send a signal (SIGTERM by default) and wait for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Close the pipes the server's stdout and stderr write to, as when the process reading them has exited. */
  closeOutput(): void;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
}

/**
 * Start the server as `npm start` does — `node scripts/start.mjs`, which builds when the bundle is
 * missing or stale, then runs build/server/server.mjs in the same process — on a free port.
 * `cwd`/`script` run another copy (a bundle copied elsewhere, with a broken corpus, …).
 */
export async function spawnServer(
  env: Record<string, string>,
  { script = 'scripts/start.mjs', cwd = root, nodeArgs = [] as string[] } = {},
): Promise<SpawnedServer> {
  const child = startProcess(env, { script, cwd, nodeArgs });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${child.output()}`)), 60_000);
    const poll = setInterval(() => {
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(child.output());
      if (!match) return;
      clearInterval(poll);
      clearTimeout(timer);
      resolve(match[1]!);
    }, 20);
    void child.exited.then((code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${child.output()}`));
    });
  });
  return { ...child, baseUrl };
}

/** The server process without waiting for it to listen (for start-up failures). */
export function startProcess(
  env: Record<string, string>,
  { script = 'scripts/start.mjs', cwd = root, nodeArgs = [] as string[] } = {},
): Omit<SpawnedServer, 'baseUrl'> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, script], {
    cwd,
    // Each server its own database (unless the test names one), so tests never share recorded turns.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'qa-data-')), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => void (output += chunk.toString());
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    pid: child.pid!,
    output: () => output,
    exited,
    stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
    closeOutput() {
      child.stdout!.destroy();
      child.stderr!.destroy();
    },
  };
}
