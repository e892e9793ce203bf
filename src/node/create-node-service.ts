import { createOpenAI } from '@ai-sdk/openai';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { loadCorpusFiles } from '../corpus/load-corpus-files.js';
import { cachedEmbedder } from '../embed/cached-embedder.js';
import type { Embedder } from '../embed/embedder.js';
import { fileVectorStore } from '../embed/file-vector-store.js';
import { localHashEmbedder } from '../embed/local-hash-embedder.js';
import { aiSdkEmbedder } from '../embed/openai-embedder.js';
import { createQaService, type QaService } from '../qa-service.js';

/** Build real providers from configuration: the embedding endpoint when configured, the local embedder otherwise. */
export function createEmbedder(config: Config): Embedder {
  if (!config.openai) return localHashEmbedder();
  const provider = createOpenAI({ apiKey: config.openai.apiKey, baseURL: config.openai.baseURL });
  const remote = aiSdkEmbedder({ model: provider.embedding(config.openai.embeddingModel), modelId: `openai:${config.openai.embeddingModel}`, dimensions: 0, document: { maxRetries: 1, timeoutMs: 30_000 } });
  return cachedEmbedder(remote, fileVectorStore(join(config.cacheDir, 'embeddings.json')));
}

/**
 * The service for the Node entry points. If the configured embedding endpoint cannot embed
 * the report at start-up, the service still starts, on the local embedder, and says so.
 */
export async function createNodeService(config: Config): Promise<QaService> {
  const corpus = loadCorpusFiles();
  const embedder = createEmbedder(config);
  try {
    return await createQaService({ corpus, embedder });
  } catch (error) {
    if (!config.openai) throw error;
    console.warn(`[startup] embedding endpoint failed (${(error as Error).message}); falling back to the local embedder`);
    return createQaService({ corpus, embedder: localHashEmbedder() });
  }
}
