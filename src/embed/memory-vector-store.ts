import type { VectorStore } from './cached-embedder.js';

/** In-memory vector store (tests, and runtimes without a file system). */
export function memoryVectorStore(initial: Record<string, number[]> = {}): VectorStore {
  const entries = new Map(Object.entries(initial));
  return { get: (k) => entries.get(k), set: (k, v) => void entries.set(k, v) };
}
