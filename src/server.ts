import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { fileURLToPath } from 'node:url';
import { describeConfig, loadConfig } from './config.js';
import { createApp } from './http/create-app.js';
import { createNodeService } from './node/create-node-service.js';
import { nodeRateLimits } from './node/node-rate-limits.js';

/** Node entry point: read configuration once, build the index, serve the API. */
async function main() {
  const config = loadConfig(process.env);
  const service = await createNodeService(config);
  console.log(`[startup] ${service.document.paragraphs.length} paragraphs indexed in ${service.index.buildMs.toFixed(0)} ms (${service.index.embedder.modelId}); ${describeConfig(config)}`);
  const publicDir = fileURLToPath(new URL('../build/public/', import.meta.url));
  const app = createApp({ service, assets: serveStatic({ root: publicDir }), bodyLimit: config.bodyLimit, logRequests: config.logRequests, chatBodyLimit: config.chatBodyLimit, corsOrigins: config.corsOrigins, rateLimits: nodeRateLimits(config.rateLimits) });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, function listening(info) {
    console.log(`[startup] listening on http://${config.host}:${info.port}`);
  });
  const shutdown = () => server.close(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch(function fatal(error: unknown) {
  console.error(`[startup] ${(error as Error).message}`);
  process.exit(1);
});
