import { save } from '@orama/orama';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { createNodeService } from '../node/create-node-service.js';

/**
 * `npm run build:index`: ingest, embed and index the report, report the time it takes, and
 * write the paragraphs and the Orama snapshot to `<CACHE_DIR>/index.json`. Orama's
 * `restore()` would drop our tokenizer, so a snapshot must be `load()`ed into a db created
 * with `createReportDb` (see src/index/report-index.ts).
 */
async function main() {
  const config = loadConfig(process.env);
  const started = performance.now();
  const service = await createNodeService(config);
  const { paragraphs } = service.document;
  const out = join(config.cacheDir, 'index.json');
  mkdirSync(config.cacheDir, { recursive: true });
  writeFileSync(out, JSON.stringify({ sha256: service.document.meta.sha256, embedder: service.index.embedder.modelId, paragraphs, orama: save(service.index.db) }));
  console.log(`ingested ${paragraphs.length} paragraphs; index built in ${service.index.buildMs.toFixed(1)} ms (embedder ${service.index.embedder.modelId}); total ${(performance.now() - started).toFixed(0)} ms including corpus load; wrote ${out}`);
}

main().catch(function fatal(error: unknown) {
  console.error((error as Error).message);
  process.exit(1);
});
