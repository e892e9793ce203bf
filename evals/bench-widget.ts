import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/http/create-app.js';
import { createNodeService } from '../src/node/create-node-service.js';
import { launch } from './lib/chromium.js';

/**
 * `npm run bench:widget`: the size of widget.js (raw and gzipped) and, in headless Chromium,
 * the time from navigation until the widget's button is interactive on the demo page, next to
 * the page's own DOMContentLoaded in the same loads (the ratio is what compares across machines).
 */
async function main() {
  const runs = Number(process.argv[2] ?? 15);
  const publicDir = fileURLToPath(new URL('../build/public/', import.meta.url));
  const widget = readFileSync(`${publicDir}widget.js`);
  console.log(`widget.js: ${widget.length} bytes raw, ${gzipSync(widget, { level: 9 }).length} bytes gzipped`);

  const service = await createNodeService(loadConfig({ LOG_REQUESTS: 'false' }));
  const app = createApp({ service, assets: serveStatic({ root: publicDir }) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  const context = await launch();
  const ready: number[] = [];
  const dcl: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('button.fab[data-ready="true"]').waitFor();
    const t = await page.evaluate(() => ({
      ready: performance.getEntriesByName('shishi-qa:ready')[0]!.startTime,
      dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
    }));
    if (i >= 2) {
      ready.push(t.ready);
      dcl.push(t.dcl);
    } // the first two loads warm the caches
    await page.close();
  }
  await context.close();
  server.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `demo page, ${runs} loads: DOMContentLoaded median ${median(dcl).toFixed(1)} ms; widget button interactive median ${median(ready).toFixed(1)} ms (×${(median(ready) / median(dcl)).toFixed(2)} of DOMContentLoaded)`,
  );
}

main().catch(function fatal(error: unknown) {
  console.error((error as Error).message);
  process.exit(1);
});
