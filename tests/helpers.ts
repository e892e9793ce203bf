import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
import { createQaService, type QaService } from '../src/qa-service.js';

let shared: Promise<QaService> | undefined;

/** One offline service per test file (building it takes ~150 ms). */
export function offlineService(): Promise<QaService> {
  shared ??= createQaService({ corpus: loadCorpusFiles(), embedder: localHashEmbedder() });
  return shared;
}
