import autocannon from 'autocannon';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadRequests, rotate } from './lib/load-requests.js';
import { startNodeProcess } from './lib/node-process.js';
import { SERVER_MALLOC_ENV, SERVER_NODE_FLAGS } from '../src/node/server-node-flags.js';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The built server (`npm run build`); `--source` runs src/server.ts through tsx instead (the code before the build existed). */
const BUNDLE = 'build/server/server.mjs';
/** glibc's malloc settings, as `npm start` and the Dockerfile set them (src/node/server-node-flags.ts). */
const MALLOC = SERVER_MALLOC_ENV;

/**
 * `npm run bench:load`: the real HTTP server under load, next to a bare Hono POST route on the
 * same Node in the same run, so the figures to compare across runs are the ratios.
 * Questions rotate through the gold and dev2 splits (never the blind one); rate limits are off.
 * Reports req/s (and its share of the bare route), p50/p99 latency, errors, the server's RSS
 * after the load and the time from `node` start to the first 200 on /healthz. The 660 questions
 * repeat during a run, so the server's answer cache (ANSWER_CACHE_SIZE) serves most of them; a
 * second server with the cache off shows what answering a question for the first time costs.
 * Recording's cost: /api/ask on the server (recording into SQLite, as deployed) and on one with
 * LOG_QUESTIONS=false, alternated over `--recording-rounds` rounds in the same run (target: on ≥
 * 95 % of off). `--only recording` runs just that comparison.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '30' },
      connections: { type: 'string', default: '50' },
      starts: { type: 'string', default: '5' },
      source: { type: 'boolean', default: false },
      /** Other V8 flags to compare (`--node-flags "--max-semi-space-size=2"`), instead of SERVER_NODE_FLAGS. */
      'node-flags': { type: 'string' },
      /** Another build to measure (a directory holding build/server/server.mjs, e.g. a worktree of an older commit). */
      server: { type: 'string' },
      'recording-rounds': { type: 'string', default: '2' },
      /** Start from build/server/server.mjs even when the startup snapshot (server.blob) is there. */
      plain: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const bundle = values.server ? join(resolve(values.server), BUNDLE) : join(root, BUNDLE);
  // The startup snapshot next to the bundle, as npm start and the Dockerfile run it; V8 takes it only with the flags it was built with.
  const blob = join(dirname(bundle), 'server.blob');
  const fromBlob = !values.source && !values['node-flags'] && !values.plain && existsSync(blob);
  const serverArgs = [
    ...(values['node-flags']?.split(/\s+/).filter(Boolean) ?? SERVER_NODE_FLAGS),
    ...(values.source ? ['--import', 'tsx', 'src/server.ts'] : fromBlob ? ['--snapshot-blob', blob] : [bundle]),
  ];
  if (!values.source && !existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`);
  // Offline, rate limits off, otherwise the defaults a deployment runs with (request logs on).
  const env = {
    ...MALLOC,
    OPENAI_API_KEY: '',
    EMBEDDING_API_KEY: '',
    RATE_LIMIT_ASK_PER_MINUTE: '0',
    RATE_LIMIT_SEARCH_PER_MINUTE: '0',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-load-')), // a fresh database, recording on (the default)
  };
  const { askBodies, searchPaths } = loadRequests();

  const load = { duration, connections };
  if (values.only === 'recording')
    return void (await compareRecording(serverArgs, env, load, askBodies, Number(values['recording-rounds'])));

  const starts: number[] = [];
  for (let i = 0; i < Number(values.starts); i++) {
    const server = await startNodeProcess(serverArgs, env, root);
    starts.push(server.readyMs);
    await server.stop();
  }

  const bare = await startNodeProcess(['evals/lib/bare-server.mjs'], {}, root);
  const server = await startNodeProcess(serverArgs, env, root);
  try {
    const rssIdle = server.rssMiB();
    const bareRun = await run(bare.baseUrl, load, rotate('POST', '/bare', askBodies));
    const askRun = await run(server.baseUrl, load, rotate('POST', '/api/ask', askBodies));
    const searchRun = await run(server.baseUrl, load, rotate('GET', searchPaths));
    const rssAfter = server.rssMiB();
    await compareRecording(serverArgs, env, load, askBodies, Number(values['recording-rounds']), server.baseUrl);
    const browserRun = await run(server.baseUrl, load, rotate('POST', '/api/ask', askBodies, BROWSER));
    // The same questions with nothing kept: what answering itself costs (a first-time question).
    const fresh = await startNodeProcess(serverArgs, { ...env, ANSWER_CACHE_SIZE: '0' }, root);
    let freshAsk: Awaited<ReturnType<typeof run>>;
    let freshSearch: Awaited<ReturnType<typeof run>>;
    try {
      freshAsk = await run(fresh.baseUrl, load, rotate('POST', '/api/ask', askBodies));
      freshSearch = await run(fresh.baseUrl, load, rotate('GET', searchPaths));
    } finally {
      await fresh.stop();
    }

    console.log(
      `server: node ${serverArgs.join(' ')} · ${askBodies.length} questions (gold + dev2) · ${connections} connections · ${duration} s each`,
    );
    const rows = [
      ['bare Hono POST', bareRun],
      ['POST /api/ask', askRun],
      ['GET /api/search', searchRun],
      ['POST /api/ask, compressed for a browser', browserRun],
      ['POST /api/ask, nothing kept (ANSWER_CACHE_SIZE=0)', freshAsk],
      ['GET /api/search, nothing kept', freshSearch],
    ] as const;
    for (const [name, r] of rows) {
      const share = name === 'bare Hono POST' ? '' : ` (${((100 * r.rps) / bareRun.rps).toFixed(1)} % of bare)`;
      console.log(
        `${name.padEnd(16)} ${r.rps.toFixed(0).padStart(6)} req/s${share} · p50 ${r.p50} ms · p99 ${r.p99} ms · errors ${r.errors} · non-2xx ${r.non2xx}`,
      );
    }
    console.log(`RSS: ${rssIdle.toFixed(0)} MiB idle, ${rssAfter.toFixed(0)} MiB after ${2 * duration} s of load (ask, then search)`);
    const sorted = [...starts].sort((a, b) => a - b);
    console.log(
      `start to first /healthz 200: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms (${sorted.map((s) => s.toFixed(0)).join(', ')})`,
    );
  } finally {
    await Promise.all([bare.stop(), server.stop()]);
  }
}

/**
 * /api/ask with recording on (the server at `onUrl`, or a new one) against a server with
 * LOG_QUESTIONS=false, alternating which goes first in each round so drift on a busy machine
 * falls on both; prints both rates, their ratio and what the recording server wrote and dropped.
 */
async function compareRecording(
  serverArgs: string[],
  env: Record<string, string>,
  load: { duration: number; connections: number },
  askBodies: string[],
  rounds: number,
  onUrl?: string,
): Promise<void> {
  const own = onUrl ? null : await startNodeProcess(serverArgs, env, root);
  const off = await startNodeProcess(serverArgs, { ...env, LOG_QUESTIONS: 'false' }, root);
  const on = onUrl ?? own!.baseUrl;
  const rates = { on: [] as number[], off: [] as number[] };
  try {
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const);
      for (const which of order) {
        const r = await run(which === 'on' ? on : off.baseUrl, load, rotate('POST', '/api/ask', askBodies));
        rates[which].push(r.rps);
      }
    }
    const health = (await (await fetch(`${on}/healthz`)).json()) as { database: { recorded: number; dropped: number; dialect: string } };
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const [rOn, rOff] = [mean(rates.on), mean(rates.off)];
    console.log(
      `POST /api/ask, recording off (LOG_QUESTIONS=false) ${rOff.toFixed(0)} req/s · recording on (${health.database.dialect}) ${rOn.toFixed(0)} req/s` +
        ` → on is ${((100 * rOn) / rOff).toFixed(1)} % of off (target ≥ 95 %; ${rounds} alternating rounds of ${load.duration} s;` +
        ` per round off ${rates.off.map((r) => r.toFixed(0)).join('/')}, on ${rates.on.map((r) => r.toFixed(0)).join('/')})`,
    );
    console.log(`recording server: ${health.database.recorded} turns written, ${health.database.dropped} dropped`);
  } finally {
    await Promise.all([off.stop(), own?.stop()]);
  }
}

/** What a browser sends: the widget's requests get brotli-compressed answers. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };

interface RunResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function run(
  url: string,
  { duration, connections }: { duration: number; connections: number },
  request: autocannon.Request,
): Promise<RunResult> {
  // A short unmeasured warm-up first, so the figures are of optimised code, not of the JIT at work.
  await autocannon({ url, duration: 2, connections, requests: [request] });
  const r = await autocannon({ url, duration, connections, requests: [request] });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

main().catch(function fatal(error: unknown) {
  console.error((error as Error).message);
  process.exit(1);
});
