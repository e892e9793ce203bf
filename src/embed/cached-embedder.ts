import type { Embedder } from './embedder.js';

/** Where cached vectors live between runs (a JSON file on Node, a bundled object on Workers). */
export interface VectorStore {
  get(key: string): number[] | undefined;
  set(key: string, vector: number[]): void;
  flush?(): Promise<void> | void;
}

/** Cache vectors by (model, content hash) so a restart does not re-embed unchanged text. */
export function cachedEmbedder(inner: Embedder, store: VectorStore): Embedder {
  return {
    modelId: inner.modelId,
    dimensions: inner.dimensions,
    async embed(texts, purpose) {
      const keys = await Promise.all(texts.map((t) => cacheKey(inner.modelId, t)));
      const missing = [...new Set(texts.filter((_, i) => store.get(keys[i]!) === undefined))];
      if (missing.length) {
        const vectors = await inner.embed(missing, purpose);
        for (const [i, text] of missing.entries()) store.set(await cacheKey(inner.modelId, text), vectors[i]!);
        await store.flush?.();
      }
      return keys.map((k) => store.get(k)!);
    },
  };
}

/** `model:sha256(text)` using Web Crypto, available on Node 20 and Workers alike. */
export async function cacheKey(modelId: string, text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${modelId}:${hex}`;
}
