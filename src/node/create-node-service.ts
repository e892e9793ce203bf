import { createOpenAI } from '@ai-sdk/openai';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { loadCorpusFiles } from '../corpus/load-corpus-files.js';
import { cachedEmbedder } from '../embed/cached-embedder.js';
import type { Embedder } from '../embed/embedder.js';
import { fileVectorStore } from '../embed/file-vector-store.js';
import { localHashEmbedder } from '../embed/local-hash-embedder.js';
import { aiSdkEmbedder } from '../embed/openai-embedder.js';
import type { LlmAnswerOptions } from '../answer/llm-answer.js';
import { loadAnswerPrompts } from '../llm/load-answer-prompts.js';
import { DEFAULT_MODEL_LIMITS } from '../llm/stream-model-text.js';
import { createQaService, type QaService } from '../qa-service.js';

/** Build real providers from configuration: the embedding endpoint when configured, the local embedder otherwise. */
export function createEmbedder(config: Config): Embedder {
  if (!config.openai) return localHashEmbedder();
  const provider = createOpenAI({ apiKey: config.openai.apiKey, baseURL: config.openai.baseURL });
  const remote = aiSdkEmbedder({ model: provider.embedding(config.openai.embeddingModel), modelId: `openai:${config.openai.embeddingModel}`, dimensions: 0, document: { maxRetries: 1, timeoutMs: 30_000 } });
  return cachedEmbedder(remote, fileVectorStore(join(config.cacheDir, 'embeddings.json')));
}

/** The model that writes answers, through chat completions (`/v1/chat/completions`, which every OpenAI-compatible server speaks); none offline. */
export function createAnswerModel(config: Config): LlmAnswerOptions | undefined {
  if (!config.openai) return undefined;
  const provider = createOpenAI({ apiKey: config.openai.apiKey, baseURL: config.openai.baseURL });
  const { model, strategy, contextParagraphs, firstTokenTimeoutMs, totalTimeoutMs, maxRetries } = config.llm;
  return {
    model: provider.chat(model),
    prompts: loadAnswerPrompts(),
    strategy,
    contextParagraphs,
    limits: { ...DEFAULT_MODEL_LIMITS, firstTokenMs: firstTokenTimeoutMs, totalMs: totalTimeoutMs, maxRetries },
  };
}

/**
 * The service for the Node entry points. If the configured embedding endpoint cannot embed
 * the report at start-up, the service still starts, on the local embedder, and says so.
 */
export async function createNodeService(config: Config): Promise<QaService> {
  const corpus = loadCorpusFiles();
  const embedder = createEmbedder(config);
  const llm = createAnswerModel(config);
  try {
    return await createQaService({ corpus, embedder, llm });
  } catch (error) {
    if (!config.openai) throw error;
    console.warn(`[startup] embedding endpoint failed (${(error as Error).message}); falling back to the local embedder`);
    return createQaService({ corpus, embedder: localHashEmbedder(), llm });
  }
}
