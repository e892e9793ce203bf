import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SERVER_MALLOC_ENV, SERVER_NODE_FLAGS } from '../src/node/server-node-flags.js';
import { startNodeProcess } from './lib/node-process.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * `npx tsx evals/bench-start.ts OLD_DIR NEW_DIR [--runs 15]`: the time from spawning `node` to the
 * first 200 on GET /healthz, for two builds (each directory holds build/server/, build/public/,
 * build/index-snapshot.json, corpus/ and prompts/, e.g. a `git worktree` of the old commit after
 * its build), alternating old and new `--runs` times each so that load from other work on the
 * machine falls on both. A build with build/server/server.blob is started from it (`node <flags>
 * --snapshot-blob …`, as `npm start` and the Dockerfile do), one without from server.mjs;
 * `--plain` starts both from server.mjs. Offline, a fresh database per start, the server's flags.
 */
async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: 'string', default: '15' }, plain: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 2) throw new Error('usage: bench-start.ts OLD_DIR NEW_DIR [--runs 15] [--plain]');
  const builds = positionals.map((dir, i) => {
    const server = join(resolve(dir), 'build/server');
    const blob = join(server, 'server.blob');
    const args = !values.plain && existsSync(blob) ? ['--snapshot-blob', blob] : [join(server, 'server.mjs')];
    return { name: i === 0 ? 'old' : 'new', args: [...SERVER_NODE_FLAGS, ...args], ready: [] as number[], rss: [] as number[] };
  });
  const env = { ...SERVER_MALLOC_ENV, OPENAI_API_KEY: '', EMBEDDING_API_KEY: '', LOG_REQUESTS: 'false' };
  for (let run = 0; run < Number(values.runs); run++) {
    for (const build of run % 2 === 0 ? builds : [...builds].reverse()) {
      const server = await startNodeProcess(build.args, { ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-start-')) }, root);
      build.ready.push(server.readyMs);
      // Idle RSS once the database has opened (it opens after listening).
      await new Promise((r) => setTimeout(r, 300));
      build.rss.push(server.rssMiB());
      await server.stop();
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const { name, args, ready, rss } of builds)
    console.log(
      `${name}: node ${args.join(' ')}\n  first /healthz 200: median ${median(ready).toFixed(0)} ms, min ${Math.min(...ready).toFixed(0)} ms` +
        ` (${ready.map((r) => r.toFixed(0)).join(', ')}); RSS idle median ${median(rss).toFixed(0)} MiB`,
    );
}

main().catch(function fatal(error: unknown) {
  console.error((error as Error).message);
  process.exit(1);
});
