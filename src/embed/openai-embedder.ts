import { embedMany, type EmbeddingModel } from 'ai';
import type { Embedder } from './embedder.js';

export interface AiSdkEmbedderOptions {
  model: EmbeddingModel;
  modelId: string;
  dimensions: number;
  /** Building the index can wait for retries; a citizen's question cannot. */
  document?: { maxRetries: number; timeoutMs: number };
  query?: { maxRetries: number; timeoutMs: number };
}

/** Embeds through the AI SDK (`embedMany`) with any OpenAI-compatible embedding model. */
export function aiSdkEmbedder({
  model,
  modelId,
  dimensions,
  document = { maxRetries: 2, timeoutMs: 60_000 },
  query = { maxRetries: 0, timeoutMs: 2_000 },
}: AiSdkEmbedderOptions): Embedder {
  return {
    modelId,
    dimensions,
    async embed(values, purpose = 'document') {
      if (values.length === 0) return [];
      const { maxRetries, timeoutMs } = purpose === 'query' ? query : document;
      const { embeddings } = await embedMany({ model, values, maxRetries, abortSignal: AbortSignal.timeout(timeoutMs) });
      return embeddings;
    },
  };
}
