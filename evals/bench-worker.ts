import { startLocalWorker } from './lib/wrangler-dev.js';

/**
 * `npm run bench:worker`: cold start of the worker in local workerd, offline. For each of N
 * fresh `wrangler dev` processes: time until it serves, the first API request (which builds
 * the app from the bundled snapshot) and the same request warm; then the ratio cold ÷ warm.
 */
async function main() {
  const rounds = Number(process.argv[2] ?? 3);
  const rows: { ready: number; cold: number; warm: number }[] = [];
  for (let i = 0; i < rounds; i++) {
    const worker = await startLocalWorker();
    try {
      const time = async (path: string) => {
        const t = performance.now();
        const res = await fetch(worker.baseUrl + path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ question: '行政复议收到多少件？' }),
        });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${path} answered ${res.status}`);
        return performance.now() - t;
      };
      const cold = await time('/api/ask');
      const warm: number[] = [];
      for (let k = 0; k < 20; k++) warm.push(await time('/api/ask'));
      rows.push({ ready: worker.readyMs, cold, warm: warm.sort((a, b) => a - b)[10]! });
    } finally {
      await worker.stop();
    }
  }
  for (const r of rows)
    console.log(
      `wrangler dev ready ${r.ready.toFixed(0)} ms · first /api/ask (cold: builds the app from the snapshot) ${r.cold.toFixed(1)} ms · warm median ${r.warm.toFixed(1)} ms · ×${(r.cold / r.warm).toFixed(1)}`,
    );
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `median over ${rows.length} starts: cold first request ${med(rows.map((r) => r.cold)).toFixed(1)} ms, warm ${med(rows.map((r) => r.warm)).toFixed(1)} ms`,
  );
}

main().catch(function fatal(error: unknown) {
  console.error((error as Error).message);
  process.exit(1);
});
