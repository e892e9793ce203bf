import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SERVER_NODE_FLAGS } from '../src/node/server-node-flags.js';
import { startNodeProcess } from './lib/node-process.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * `npx tsx evals/compare-servers.ts [DIR] [--splits gold,dev2,dev5]`: the same questions asked of
 * the built server started two ways, from the startup snapshot (`--snapshot-blob
 * build/server/server.blob`, as `npm start` runs it) and from build/server/server.mjs, offline;
 * every `/api/ask` body (history included) and `/api/search` body (the staff page's `text=false`
 * and the full one) must be byte for byte equal, but for the `answerId` each answer gets. Prints
 * the count compared and the first differences; exits 1 on any. Never the blind split.
 */
async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { splits: { type: 'string', default: 'gold,dev2,dev5' } },
  });
  const dir = resolve(positionals[0] ?? root);
  const splits = values.splits.split(',').filter((s) => s && s !== 'blind');
  const questions = splits.flatMap((s) =>
    readFileSync(join(root, 'evals', `${s}.jsonl`), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { question: string; history?: unknown[] }),
  );
  const server = join(dir, 'build/server');
  const env = {
    OPENAI_API_KEY: '',
    EMBEDDING_API_KEY: '',
    LOG_REQUESTS: 'false',
    RATE_LIMIT_ASK_PER_MINUTE: '0',
    RATE_LIMIT_SEARCH_PER_MINUTE: '0',
  };
  const start = (args: string[]) =>
    startNodeProcess([...SERVER_NODE_FLAGS, ...args], { ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'compare-')) }, dir);
  const [blob, plain] = await Promise.all([start(['--snapshot-blob', join(server, 'server.blob')]), start([join(server, 'server.mjs')])]);
  const differences: string[] = [];
  let compared = 0;
  const withoutId = (body: string) => body.replace(/"answerId":"[^"]*",?/, '');
  try {
    for (const q of questions) {
      const ask = {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: q.question, history: q.history ?? [] }),
      };
      const search = (text: boolean) => `/api/search?q=${encodeURIComponent(q.question)}&limit=20${text ? '' : '&text=false'}`;
      for (const [path, init] of [
        ['/api/ask', ask],
        [search(false), undefined],
        [search(true), undefined],
      ] as const) {
        const [a, b] = await Promise.all(
          [blob, plain].map(async (s) => {
            const r = await fetch(`${s.baseUrl}${path}`, init);
            return `${r.status} ${withoutId(await r.text())}`;
          }),
        );
        compared++;
        if (a !== b) differences.push(`${path} ${q.question}\n  blob:  ${a?.slice(0, 300)}\n  plain: ${b?.slice(0, 300)}`);
      }
    }
  } finally {
    await Promise.all([blob.stop(), plain.stop()]);
  }
  console.log(`${questions.length} questions (${splits.join(', ')}), ${compared} responses compared: ${differences.length} different`);
  for (const d of differences.slice(0, 10)) console.log(d);
  if (differences.length) process.exitCode = 1;
}

main().catch(function fatal(error: unknown) {
  console.error((error as Error).message);
  process.exit(1);
});
