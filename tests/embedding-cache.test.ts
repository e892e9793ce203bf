import { describe, expect, it } from 'vitest';
import { cachedEmbedder, type VectorStore } from '../src/embed/cached-embedder.js';
import type { Embedder } from '../src/embed/embedder.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
import { createLruCache } from '../src/llm/lru-cache.js';

/** A store that counts its writes, as the file store would rewrite embeddings.json. */
function countingStore() {
  const entries = new Map<string, number[]>();
  const counts = { flushes: 0 };
  const store: VectorStore = { get: (k) => entries.get(k), set: (k, v) => void entries.set(k, v), flush: () => void counts.flushes++ };
  return { store, entries, counts };
}

function countingEmbedder() {
  const local = localHashEmbedder({ dimensions: 16 });
  const calls: string[] = [];
  const embedder: Embedder = {
    ...local,
    embed: (texts, purpose) => {
      calls.push(...texts);
      return local.embed(texts, purpose);
    },
  };
  return { embedder, calls };
}

describe('the embedding cache', () => {
  it('keeps query vectors in a bounded LRU and never writes them to the persistent store', async () => {
    const { store, entries, counts } = countingStore();
    const { embedder, calls } = countingEmbedder();
    const queries = createLruCache<number[]>(50);
    const cached = cachedEmbedder(embedder, store, queries);
    await cached.embed(['段落一', '段落二'], 'document');
    expect([entries.size, counts.flushes]).toEqual([2, 1]);

    for (let i = 0; i < 1_000; i++) await cached.embed([`第${i}个问题`], 'query');
    expect(entries.size).toBe(2); // the file would not grow with citizens' questions
    expect(counts.flushes).toBe(1); // nor be rewritten per question
    expect(queries.size).toBe(50);

    calls.length = 0;
    await cached.embed(['第999个问题'], 'query');
    await cached.embed(['段落一'], 'query'); // a question that is a paragraph's text reuses its vector
    expect(calls).toEqual([]);
    await cached.embed(['第0个问题'], 'query'); // long evicted
    expect(calls).toEqual(['第0个问题']);
  });
});
