import autocannon from 'autocannon';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadRequests, rotate } from './lib/load-requests.js';
import { type NodeProcess, startNodeProcess } from './lib/node-process.js';
import { SERVER_MALLOC_ENV, SERVER_NODE_FLAGS } from '../src/node/server-node-flags.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * `npx tsx evals/bench-ab.ts OLD_DIR NEW_DIR`: two builds of the server (each directory holds
 * build/server/server.mjs and build/index-snapshot.json, e.g. a `git worktree` of the old commit
 * after `npm run build:index && npm run build:server`) and the bare Hono route, under the load of
 * `bench:load` (50 connections, gold + dev2 questions, rate limits off, request logs and recording
 * on), in alternating rounds of the same run. Reports req/s, the share of the bare route and the
 * server's CPU time per request (user + system, all its threads, from /proc): on a shared 2-core
 * machine rates move between rounds, CPU per request much less.
 */
async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      rounds: { type: 'string', default: '4' },
      duration: { type: 'string', default: '6' },
      connections: { type: 'string', default: '50' },
      routes: { type: 'string', default: 'ask,search' },
    },
  });
  if (positionals.length !== 2) throw new Error('usage: bench-ab.ts OLD_DIR NEW_DIR [--rounds 4] [--duration 6] [--routes ask,search]');
  const load = { duration: Number(values.duration), connections: Number(values.connections) };
  const routes = values.routes!.split(',') as ('ask' | 'search')[];
  const { askBodies, searchPaths } = loadRequests();
  const env = {
    ...SERVER_MALLOC_ENV,
    OPENAI_API_KEY: '',
    EMBEDDING_API_KEY: '',
    RATE_LIMIT_ASK_PER_MINUTE: '0',
    RATE_LIMIT_SEARCH_PER_MINUTE: '0',
  };
  const start = (dir: string) =>
    startNodeProcess(
      [...SERVER_NODE_FLAGS, join(resolve(dir), 'build/server/server.mjs')],
      {
        ...env,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-ab-')),
      },
      root,
    );
  const bare = await startNodeProcess(['evals/lib/bare-server.mjs'], {}, root);
  const servers = [
    { name: 'old', process: await start(positionals[0]!) },
    { name: 'new', process: await start(positionals[1]!) },
  ];
  const rows: { name: string; target: NodeProcess; request: autocannon.Request; rps: number[]; cpu: number[] }[] = [
    { name: 'bare Hono POST', target: bare, request: rotate('POST', '/bare', askBodies), rps: [], cpu: [] },
  ];
  for (const route of routes)
    for (const { name, process } of servers)
      rows.push({
        name: `${route === 'ask' ? 'POST /api/ask' : 'GET /api/search'} (${name})`,
        target: process,
        request: route === 'ask' ? rotate('POST', '/api/ask', askBodies) : rotate('GET', searchPaths),
        rps: [],
        cpu: [],
      });
  try {
    // Unmeasured warm-up: the JIT, and each server's answer cache filled with the questions.
    for (const row of rows)
      await autocannon({ url: row.target.baseUrl, duration: 3, connections: load.connections, requests: [row.request] });
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const row of round % 2 === 0 ? rows : [...rows].reverse()) {
        const before = cpuMs(row.target.pid);
        const r = await autocannon({ url: row.target.baseUrl, ...load, requests: [row.request] });
        row.cpu.push((1000 * (cpuMs(row.target.pid) - before)) / r.requests.total);
        row.rps.push(r.requests.average);
        if (r.errors || r.non2xx) console.log(`${row.name}: ${r.errors} errors, ${r.non2xx} non-2xx`);
      }
    }
  } finally {
    await Promise.all([bare.stop(), ...servers.map((s) => s.process.stop())]);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const bareRps = mean(rows[0]!.rps);
  console.log(
    `${values.rounds} alternating rounds of ${load.duration} s, ${load.connections} connections; old ${positionals[0]}, new ${positionals[1]}`,
  );
  for (const row of rows) {
    const share = row === rows[0] ? '' : ` (${((100 * mean(row.rps)) / bareRps).toFixed(1)} % of bare)`;
    console.log(
      `${row.name.padEnd(24)} ${mean(row.rps).toFixed(0).padStart(6)} req/s${share.padEnd(17)} · server CPU ${mean(row.cpu).toFixed(0)} µs/request` +
        ` · rounds ${row.rps.map((r) => r.toFixed(0)).join('/')}`,
    );
  }
}

/** User + system CPU time of a process (all threads), in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * (1000 / 100); // clock ticks (USER_HZ = 100)
}

main().catch(function fatal(error: unknown) {
  console.error((error as Error).message);
  process.exit(1);
});
