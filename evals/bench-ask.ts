import { loadConfig } from '../src/config.js';
import { createApp } from '../src/http/create-app.js';
import { createNodeService } from '../src/node/create-node-service.js';
import { DEV2_PATH, GOLD_PATH, loadGold } from './lib/gold.js';

/**
 * `npm run bench`: latency of POST /api/ask over the gold questions (and of GET /api/search on
 * their prefixes, as the staff page sends while someone types), in process through
 * `app.request()`, next to a baseline measured in the same run (GET /healthz through the same
 * app), so the figure to compare across machines is the ratio, not the milliseconds.
 */
async function main() {
  const rounds = Number(process.argv[2] ?? 5);
  const service = await createNodeService(loadConfig({ ...process.env, LOG_REQUESTS: 'false' }));
  const app = createApp({ service });
  const questions = loadGold([GOLD_PATH, DEV2_PATH]).map((g) => ({ question: g.question, history: g.history ?? [] }));

  const time = async (fn: () => Response | Promise<Response>) => {
    const t = performance.now();
    const res = await fn();
    await res.arrayBuffer();
    return performance.now() - t;
  };
  const ask: number[] = [];
  const search: number[] = [];
  const base: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const body of questions) {
      base.push(await time(() => app.request('/healthz')));
      ask.push(
        await time(() =>
          app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
        ),
      );
      // What the staff page sends as someone types: every prefix of the question.
      const prefix = [...body.question].slice(0, 1 + (search.length % 8)).join('');
      search.push(await time(() => app.request(`/api/search?q=${encodeURIComponent(prefix)}&limit=20`)));
    }
  }
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  const row = (name: string, xs: number[]) =>
    `${name.padEnd(16)} n=${xs.length}  p50 ${q(xs, 0.5).toFixed(2)} ms  p95 ${q(xs, 0.95).toFixed(2)} ms`;
  console.log(row('GET /healthz', base));
  console.log(row('POST /api/ask', ask));
  console.log(row('GET /api/search', search));
  console.log(
    `ratio /api/ask ÷ /healthz: p50 ×${(q(ask, 0.5) / q(base, 0.5)).toFixed(1)}, p95 ×${(q(ask, 0.95) / q(base, 0.95)).toFixed(1)}`,
  );
  console.log(
    `ratio /api/search ÷ /healthz: p50 ×${(q(search, 0.5) / q(base, 0.5)).toFixed(1)}, p95 ×${(q(search, 0.95) / q(base, 0.95)).toFixed(1)}`,
  );
  console.log(`index build at start-up: ${service.index.buildMs.toFixed(1)} ms (${service.index.embedder.modelId})`);
}

main().catch(function fatal(error: unknown) {
  console.error((error as Error).message);
  process.exit(1);
});
