import { join } from 'node:path';
import type { Config } from '../config.js';
import { loadCorpusFiles } from '../corpus/load-corpus-files.js';
import { cachedEmbedder } from '../embed/cached-embedder.js';
import type { Embedder } from '../embed/embedder.js';
import { fileVectorStore } from '../embed/file-vector-store.js';
import { localHashEmbedder } from '../embed/local-hash-embedder.js';
import type { LlmAnswerOptions } from '../answer/llm-answer.js';
import { loadAnswerPrompts } from '../llm/load-answer-prompts.js';
import { loadRewritePrompt } from '../llm/load-rewrite-prompt.js';
import type { QueryRewriterOptions } from '../llm/rewrite-query.js';
import { answerModel, remoteEmbedder, rewriteModel } from '../providers.js';
import { createQaService, type QaService } from '../qa-service.js';

/** The configured embedding endpoint with a file cache of vectors, or the local embedder offline. */
export function createEmbedder(config: Config): Embedder {
  if (config.embedding.kind === 'local') return localHashEmbedder();
  return cachedEmbedder(remoteEmbedder(config.embedding), fileVectorStore(join(config.cacheDir, 'embeddings.json')));
}

/** The answer model with the prompts read from prompts/; none offline. */
export function createAnswerModel(config: Config): LlmAnswerOptions | undefined {
  return config.openai ? answerModel(config, loadAnswerPrompts()) : undefined;
}

/** The query rewrite with its prompt read from prompts/; none offline or with LLM_REWRITE=false. */
export function createRewriteModel(config: Config): QueryRewriterOptions | undefined {
  return config.openai && config.llm.rewrite.enabled ? rewriteModel(config, loadRewritePrompt()) : undefined;
}

export interface NodeServiceOptions {
  /**
   * `generated` (default): a configured model writes the answers. `extractive`: answers stay
   * extractive even with a model, which then only rewrites queries (the eval compares the two).
   */
  answers?: 'generated' | 'extractive';
}

/**
 * The service for the Node entry points. If the configured embedding endpoint cannot embed
 * the report at start-up, the service still starts, on the local embedder, and says so.
 */
export async function createNodeService(config: Config, { answers = 'generated' }: NodeServiceOptions = {}): Promise<QaService> {
  const corpus = loadCorpusFiles();
  const embedder = createEmbedder(config);
  const llm = answers === 'generated' ? createAnswerModel(config) : undefined;
  const rewrite = createRewriteModel(config);
  try {
    return await createQaService({ corpus, embedder, llm, rewrite });
  } catch (error) {
    if (config.embedding.kind === 'local') throw error;
    console.warn(`[startup] embedding endpoint failed (${(error as Error).message}); falling back to the local embedder`);
    return createQaService({ corpus, embedder: localHashEmbedder(), llm, rewrite });
  }
}
