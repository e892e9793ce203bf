import { embedMany, type EmbeddingModel } from 'ai';
import type { Embedder } from './embedder.js';

/** Embeds through the AI SDK (`embedMany`) with any OpenAI-compatible embedding model. */
export function aiSdkEmbedder({ model, modelId, dimensions, maxRetries = 2 }: { model: EmbeddingModel; modelId: string; dimensions: number; maxRetries?: number }): Embedder {
  return {
    modelId,
    dimensions,
    async embed(values) {
      if (values.length === 0) return [];
      const { embeddings } = await embedMany({ model, values, maxRetries });
      return embeddings;
    },
  };
}
