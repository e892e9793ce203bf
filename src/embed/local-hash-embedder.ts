import { tokenize } from '../text/tokenize.js';
import type { Embedder } from './embedder.js';

/**
 * Offline default embedder: the index tokens of a text (character bigrams, long words,
 * numbers, Latin words, after Traditional/width/case folding) hashed into a fixed number of
 * signed dimensions, sublinear counts, L2-normalised. No network, no weights: it measures
 * wording overlap, not meaning, so it complements BM25 with a smoother similarity rather
 * than adding semantics (that is what a configured embedding model is for).
 */
export function localHashEmbedder({ dimensions = 512 }: { dimensions?: number } = {}): Embedder {
  return {
    modelId: `local-hash-bigram-v1-${dimensions}`,
    dimensions,
    async embed(texts) {
      return texts.map((text) => hashVector(tokenize(text), dimensions));
    },
  };
}

function hashVector(tokens: string[], dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const token of tokens) {
    const h = fnv1a(token);
    vector[h % dimensions]! += (h & 0x80000000) === 0 ? 1 : -1;
  }
  for (let i = 0; i < dimensions; i++) vector[i] = Math.sign(vector[i]!) * Math.log1p(Math.abs(vector[i]!));
  const norm = Math.hypot(...vector) || 1;
  return vector.map((x) => x / norm);
}

/** 32-bit FNV-1a over UTF-16 code units: stable across runtimes. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
