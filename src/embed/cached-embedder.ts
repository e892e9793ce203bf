import { sha256Hex } from '../text/sha256-hex.js';
import type { Embedder } from './embedder.js';

/** Where cached vectors live between runs (a JSON file on Node, a bundled object on Workers). */
export interface VectorStore {
  get(key: string): number[] | undefined;
  set(key: string, vector: number[]): void;
  flush?(): Promise<void> | void;
}

/** A bounded in-memory cache for query vectors (an LRU in practice; see `createLruCache`). */
export interface QueryVectorCache {
  get(key: string): number[] | undefined;
  set(key: string, vector: number[]): void;
}

/**
 * Cache vectors by (model, content hash) so a restart does not re-embed unchanged text.
 * Paragraph vectors (`document`) go to the persistent store, written once per batch at build
 * time. Query vectors never do: every citizen's question is new text, and persisting each one
 * grew the file without bound and rewrote it on every question. They are kept in `queries`,
 * a bounded cache, when one is given, and otherwise embedded each time.
 */
export function cachedEmbedder(inner: Embedder, store: VectorStore, queries?: QueryVectorCache): Embedder {
  return {
    modelId: inner.modelId,
    dimensions: inner.dimensions,
    async embed(texts, purpose) {
      const keys = await Promise.all(texts.map((t) => cacheKey(inner.modelId, t)));
      const cache = purpose === 'query' ? queries : store;
      const known = (key: string) => store.get(key) ?? queries?.get(key);
      const missing = [...new Set(texts.filter((_, i) => known(keys[i]!) === undefined))];
      const fresh = new Map<string, number[]>();
      if (missing.length) {
        const vectors = await inner.embed(missing, purpose);
        for (const [i, text] of missing.entries()) {
          const key = await cacheKey(inner.modelId, text);
          fresh.set(key, vectors[i]!);
          cache?.set(key, vectors[i]!);
        }
        if (cache === store) await store.flush?.();
      }
      return keys.map((k) => fresh.get(k) ?? known(k)!);
    },
  };
}

/** `model:sha256(text)`. */
export async function cacheKey(modelId: string, text: string): Promise<string> {
  return `${modelId}:${await sha256Hex(text)}`;
}
