import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate } from 'dockerfile-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerignore, replayDockerfile, type ReplayedStage } from './docker-stages.js';
import { startFakeOpenAi, type FakeOpenAi } from './fake-openai-server.js';
import { json } from './helpers.js';
import { spawnServer, type SpawnedServer } from './spawn-server.js';

/**
 * There is no Docker daemon on the development machines or in CI, so the image is checked by
 * replaying the Dockerfile (tests/docker-stages.ts): the build stage's COPY and RUN lines in one
 * temp dir, then the runtime stage's COPY lines into another, with no node_modules anywhere above
 * it, and the runtime stage's CMD, ENV and HEALTHCHECK run there. A file the server needs and the
 * Dockerfile forgets, or a source the build needs that .dockerignore keeps out, fails here.
 */
const repo = fileURLToPath(new URL('..', import.meta.url));
const dockerfile = readFileSync(join(repo, 'Dockerfile'), 'utf8');
const into = mkdtempSync(join(tmpdir(), 'dockerfile-'));
let stages: ReplayedStage[];
let runtime: ReplayedStage;

beforeAll(() => {
  stages = replayDockerfile(dockerfile, { context: repo, into });
  runtime = stages.at(-1)!;
}, 180_000);
afterAll(() => rmSync(into, { recursive: true, force: true }));

/** The runtime stage's ENV with its absolute paths inside the replayed root; listening on loopback, on a free port. */
function runtimeEnv(extra: Record<string, string> = {}): Record<string, string> {
  const inRoot = (value: string) => (value.startsWith('/') ? join(runtime.root, value) : value);
  const env = Object.fromEntries(Object.entries(runtime.env).map(([name, value]) => [name, inRoot(value)]));
  return { ...env, HOST: '127.0.0.1', PORT: '0', OPENAI_API_KEY: '', EMBEDDING_API_KEY: '', ...extra };
}

/** Start the runtime stage's CMD in its WORKDIR. */
function startImage(env: Record<string, string>): Promise<SpawnedServer> {
  const [program, ...args] = runtime.cmd ?? [];
  expect(program).toBe('node');
  const script = args.pop();
  expect(
    args.every((a) => a.startsWith('--')),
    'only node flags before the script',
  ).toBe(true);
  return spawnServer(env, { script: script!, cwd: join(runtime.root, runtime.workdir), nodeArgs: args });
}

/** Run the HEALTHCHECK command as Docker would, with the container's environment; its exit code. */
function healthcheck(env: Record<string, string>): number | null {
  const [program, ...args] = runtime.healthcheck ?? [];
  expect(program).toBe('node');
  return spawnSync(process.execPath, args, { env: { ...process.env, ...env }, timeout: 10_000 }).status;
}

const ask = (baseUrl: string, question: string) =>
  fetch(`${baseUrl}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });

describe('the Dockerfile', () => {
  it('passes the Dockerfile linter (dockerfile-utils, as in the VS Code Docker extension)', () => {
    expect(validate(dockerfile).map((d) => `line ${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it('sends only the sources to the build (.dockerignore read as Docker reads it)', () => {
    const ignored = dockerignore(repo);
    for (const path of ['package.json', 'package-lock.json', 'src/server.ts', 'src/web/widget', 'corpus/vocabulary.json', 'prompts']) {
      expect(ignored(path), path).toBe(false);
    }
    const local = [
      'node_modules',
      'node_modules/hono/package.json',
      'build/server/server.mjs',
      '.git/HEAD',
      '.env',
      '.wrangler/state',
      '.cache',
    ];
    for (const path of local) {
      expect(ignored(path), path).toBe(true);
    }
  });

  it('builds in one node:20-slim stage and runs from a fresh one', () => {
    expect(dockerfile.match(/^FROM\s+\S+/gm)).toEqual(['FROM node:20-slim', 'FROM node:20-slim']);
    expect(stages[0]!.name).toBe('build');
  });

  it('runs as a non-root user, on all interfaces, port 3000, with a CACHE_DIR that user owns', () => {
    expect(runtime.user).toBeDefined();
    expect(runtime.user).not.toMatch(/^(root|0)(:|$)/);
    expect(runtime.env).toMatchObject({ HOST: '0.0.0.0', PORT: '3000' });
    expect(dockerfile).toMatch(/^EXPOSE 3000$/m);
    // RUN lines of the runtime stage need the image's users: checked as written, not run.
    const cacheDir = runtime.env.CACHE_DIR!;
    expect(runtime.skippedRuns.join('\n')).toMatch(new RegExp(`mkdir -p ${cacheDir} && chown node:node ${cacheDir}`));
    expect(runtime.user).toMatch(/^(node|1000)(:|$)/); // the node image's user: uid 1000
  });

  it('ships no node_modules but the database drivers next to the bundle (the bundle carries the rest)', () => {
    for (let dir = join(runtime.root, runtime.workdir); dir !== dirname(dir); dir = dirname(dir)) {
      expect(existsSync(join(dir, 'node_modules')), `${dir}/node_modules`).toBe(false);
    }
    const modules = join(runtime.root, runtime.workdir, 'build/server/node_modules');
    expect(existsSync(join(modules, 'better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
    expect(existsSync(join(modules, 'pg/package.json'))).toBe(true);
    // Nothing only a build needs: no compiler, no test runner, no install-time downloader.
    for (const devOnly of ['esbuild', 'vitest', 'typescript', 'prebuild-install', 'hono'])
      expect(existsSync(join(modules, devOnly)), devOnly).toBe(false);
  });

  describe('its runtime stage, offline', () => {
    let server: SpawnedServer;
    beforeAll(async () => {
      server = await startImage(runtimeEnv());
    }, 60_000);
    afterAll(() => server?.stop());

    it('is healthy, answers from the snapshot, and serves the widget and the pages', async () => {
      expect(server.output()).toMatch(/index loaded from snapshot/);
      expect(await json(await fetch(`${server.baseUrl}/healthz`))).toMatchObject({ status: 'ok', paragraphs: 43 });
      expect((await fetch(`${server.baseUrl}/widget.js`)).status).toBe(200);
      expect((await fetch(`${server.baseUrl}/staff/`)).status).toBe(200);
      const body = await json(await ask(server.baseUrl, '行政复议一共收到多少件申请？'));
      expect(body).toMatchObject({ abstained: false, mode: 'extractive' });
      expect(body.citations[0]).toMatchObject({ id: 's4.3', quote: expect.stringContaining('228') });
      // The drivers beside the bundle load: the question is recorded in the SQLite file under DATA_DIR.
      await expect
        .poll(async () => (await json(await fetch(`${server.baseUrl}/healthz`))).database, { timeout: 5_000 })
        .toMatchObject({ status: 'ok', dialect: 'sqlite', recorded: 1 });
      expect(existsSync(join(runtime.root, runtime.env.DATA_DIR!, 'qa.sqlite'))).toBe(true);
    });

    it('answers a Traditional question in Traditional script (the converter is a chunk loaded on first use)', async () => {
      const body = await json(await ask(server.baseUrl, '行政復議一共收到多少件申請？'));
      expect(body.answer).toMatch(/行政複議申請 228 件/);
    });

    it('passes its HEALTHCHECK, which fails when nothing listens', () => {
      const port = new URL(server.baseUrl).port;
      expect(healthcheck(runtimeEnv({ PORT: port }))).toBe(0);
      expect(healthcheck(runtimeEnv({ PORT: '9' }))).toBe(1);
    });
  });

  describe('its runtime stage with a configured model', () => {
    let fake: FakeOpenAi;
    let server: SpawnedServer;
    beforeAll(async () => {
      fake = await startFakeOpenAi();
      const model = { OPENAI_API_KEY: 'sk-image-test', OPENAI_BASE_URL: fake.baseURL, EMBEDDING_MODEL: 'fake-embed', LLM_REWRITE: 'false' };
      server = await startImage(runtimeEnv(model));
    }, 60_000);
    afterAll(async () => {
      server?.stop();
      await fake?.close();
    });

    it('loads the AI SDK chunks, writes its embedding cache to CACHE_DIR and answers generated', async () => {
      expect(existsSync(join(runtime.root, runtime.env.CACHE_DIR!, 'embeddings.json'))).toBe(true);
      fake.script({ kind: 'text', text: '共收到行政复议申请228件[[s4.3|共收到行政复议申请 228 件]]。' });
      const body = await json(await ask(server.baseUrl, '行政复议一共收到多少件申请？'));
      expect(body).toMatchObject({ mode: 'llm', abstained: false, answer: '共收到行政复议申请228件[1]。' });
    });
  });
});
