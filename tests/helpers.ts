import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
import { createQaService, type QaService } from '../src/qa-service.js';

let shared: Promise<QaService> | undefined;

/** One offline service per test file (building it takes ~150 ms). */
export function offlineService(): Promise<QaService> {
  shared ??= createQaService({ corpus: loadCorpusFiles(), embedder: localHashEmbedder() });
  return shared;
}

/**
 * A response body for assertions. `any` on purpose: each test checks the fields it reads,
 * which is the point of a contract test.
 */
// biome-ignore lint/suspicious/noExplicitAny: each test checks the fields it reads (see above)
export async function json(res: Response): Promise<any> {
  return res.json();
}
