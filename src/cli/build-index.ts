import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadConfig } from '../config.js';
import { loadCorpusFiles } from '../corpus/load-corpus-files.js';
import { createIndexSnapshot } from '../index/index-snapshot.js';
import { groupTerms, namedBodies } from '../corpus/vocabulary.js';
import { glossaryKey } from '../retrieve/lexicon.js';
import { createNodeService } from '../node/create-node-service.js';

/** Where the snapshot goes; the Workers entry imports it from here. */
export const SNAPSHOT_PATH = 'build/index-snapshot.json';

/**
 * `npm run build:index`: ingest, embed and index the report, report the time it takes, and write
 * the snapshot (document, Orama data with vectors, homophone table) that the Workers bundle ships.
 */
async function main() {
  const config = loadConfig({ ...process.env, LOG_REQUESTS: 'false' });
  const started = performance.now();
  const service = await createNodeService(config);
  const corpus = loadCorpusFiles();
  const key = await glossaryKey(corpus.rawVocabulary, corpus.stopwords);
  const snapshot = createIndexSnapshot(
    service.document,
    service.index,
    service.lexicon.homophones,
    {
      key,
      entries: service.lexicon.glossary,
      named: namedBodies(corpus.vocabulary),
      groups: groupTerms(corpus.vocabulary),
    },
    corpus.labels,
  );
  mkdirSync(dirname(SNAPSHOT_PATH), { recursive: true });
  const json = JSON.stringify(snapshot);
  writeFileSync(SNAPSHOT_PATH, json);
  console.log(
    `ingested ${service.document.paragraphs.length} paragraphs; index built in ${service.index.buildMs.toFixed(1)} ms (embedder ${snapshot.embedder}, ${snapshot.dimensions} dims); ` +
      `service ready in ${(performance.now() - started).toFixed(0)} ms; wrote ${SNAPSHOT_PATH} (${(json.length / 1024).toFixed(0)} KiB)`,
  );
}

main().catch(function fatal(error: unknown) {
  console.error((error as Error).message);
  process.exit(1);
});
