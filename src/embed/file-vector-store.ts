import { mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import type { VectorStore } from './cached-embedder.js';

/** A JSON file of `{ key: vector }`; written atomically after each batch of new vectors. */
export function fileVectorStore(path: string): VectorStore {
  let entries: Record<string, number[]> = {};
  try {
    entries = JSON.parse(readFileSync(path, 'utf8')) as Record<string, number[]>;
  } catch {
    entries = {}; // no cache yet, or an unreadable one: start afresh
  }
  let dirty = false;
  return {
    get: (key) => entries[key],
    set(key, vector) {
      entries[key] = vector;
      dirty = true;
    },
    flush() {
      if (!dirty) return;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(`${path}.tmp`, JSON.stringify(entries));
      renameSync(`${path}.tmp`, path);
      dirty = false;
    },
  };
}
