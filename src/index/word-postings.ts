import type { components } from '@orama/orama';

type IndexStore = ReturnType<typeof components.index.create>;
export type RadixNode = { c: Map<string, RadixNode>; d: Set<number>; e: boolean; s: string; w: string };
type Relevance = { k: number; b: number; d: number };

/** A word's documents (internal ids, in the radix node's order) and each one's BM25 score for the word. */
export interface Postings {
  ids: Int32Array;
  scores: Float64Array;
}

interface Cached extends Postings {
  generation: number;
  docsCount: number;
  relevance: Relevance;
}

/** Words with fewer documents are scored on each search: cheap, and not worth the memory. */
const CACHE_FROM = 32;

/**
 * The BM25 scores of one word of one property, as Orama computes them (components/algorithms.js,
 * the same expression, so the same numbers), kept per radix node while the index does not change
 * (`generation`, bumped on every insert and remove). A word's scores depend only on the index, so
 * the cache holds at most one entry per indexed word and is never keyed by what users type.
 */
export function wordPostings(
  index: IndexStore,
  prop: string,
  node: RadixNode,
  docsCount: number,
  relevance: Relevance,
  generation: number,
  cache: WeakMap<RadixNode, Cached>,
): Postings {
  const hit = cache.get(node);
  if (hit && hit.generation === generation && hit.docsCount === docsCount && sameRelevance(hit.relevance, relevance)) return hit;
  const word = node.w;
  const occurrences = index.tokenOccurrences[prop]!;
  const frequencies = index.frequencies[prop];
  const lengths = index.fieldLengths[prop]!;
  const average = index.avgFieldLength[prop]!;
  const { k, b, d } = relevance;
  const count = typeof occurrences[word] === 'number' ? (occurrences[word] ?? 0) : 0;
  const idf = Math.log(1 + (docsCount - count + 0.5) / (count + 0.5));
  const ids = Int32Array.from(node.d);
  const scores = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const tf = frequencies?.[ids[i]!]?.[word] ?? 0;
    scores[i] = (idf * (d + tf * (k + 1))) / (tf + k * (1 - b + (b * lengths[ids[i]!]!) / average));
  }
  const postings = { ids, scores };
  if (ids.length >= CACHE_FROM) cache.set(node, { ...postings, generation, docsCount, relevance: { k, b, d } });
  return postings;
}

function sameRelevance(a: Relevance, b: Relevance): boolean {
  return a.k === b.k && a.b === b.b && a.d === b.d;
}
