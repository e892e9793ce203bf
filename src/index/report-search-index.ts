import { components } from '@orama/orama';
import { SparseQueryVectorIndex } from './sparse-query-vector-index.js';
import { wordPostings, type Postings, type RadixNode } from './word-postings.js';

type IndexComponent = ReturnType<typeof components.index.createIndex>;
type IndexStore = ReturnType<typeof components.index.create>;
type BM25 = { k: number; b: number; d: number };

/**
 * Orama's own index component with two scans made proportional to what they find, for the way
 * retrieval searches (prefix terms, every match kept: `threshold: 1`, no `where`, no typo tolerance);
 * any other search goes to Orama's. Same scores, same order, so the same answers:
 * - a term's words come from one walk of the radix tree; Orama's walk checks each document against
 *   the ones already collected for the word (`Array.includes`), quadratic in the documents holding a
 *   common bigram: most of a query's time on a corpus of thousands of paragraphs;
 * - the vector leg skips the query vector's zero components (see SparseQueryVectorIndex).
 */
export function reportSearchIndex(): IndexComponent {
  const orama = components.index.createIndex();
  // Changes of each index store, so that a word's cached scores are dropped when documents come or go.
  const generations = new WeakMap<object, number>();
  const changed = (index: object) => generations.set(index, (generations.get(index) ?? 0) + 1);
  const postings = new WeakMap<RadixNode, Postings & { generation: number; docsCount: number; relevance: BM25 }>();

  /** Prefix terms, every match kept; Orama's own search for anything else. */
  const search: typeof components.index.search = function plainSearch(...args) {
    const [index, term, tokenizer, language, properties, exact, tolerance, boost, relevance, docsCount, where, threshold] = args;
    const plain = !exact && !tolerance && !where && threshold === 1 && term !== '';
    const searchable = properties.every((p) => !(p in index.indexes) || (index.indexes[p]!.type === 'Radix' && (boost[p] ?? 1) > 0));
    if (!plain || !searchable) return components.index.search(...args);
    const generation = generations.get(index) ?? 0;
    // Scores by internal id, and the ids in the order first scored (Orama's Map order, which breaks ties).
    const size = index.sharedInternalDocumentStore.internalIdToId.length + 1;
    const scores = new Float64Array(size);
    const seen = new Uint8Array(size);
    const scored: number[] = [];
    const tokens = tokenizer.tokenize(term, language) as string[];
    for (const prop of properties) {
      if (!(prop in index.indexes)) continue;
      const root = index.indexes[prop]!.node as unknown as RadixNode;
      const boostOf = boost[prop] ?? 1;
      for (const token of tokens) {
        for (const node of wordsWithPrefix(root, token)) {
          const word = wordPostings(index, prop, node, docsCount, relevance, generation, postings);
          for (let i = 0; i < word.ids.length; i++) {
            const id = word.ids[i]!;
            const score = word.scores[i]! * boostOf;
            if (seen[id]) scores[id] = scores[id]! + score;
            else {
              seen[id] = 1;
              scores[id] = score;
              scored.push(id);
            }
          }
        }
      }
    }
    return scored.map((id): [number, number] => [id, scores[id]!]).sort((a, b) => b[1] - a[1]);
  };

  return {
    ...orama,
    create: (...args) => withSparseVectors(orama.create(...args)),
    load: (...args) => withSparseVectors(orama.load(...args)),
    insert(...args) {
      changed(args[1]);
      return orama.insert(...args);
    },
    remove(...args) {
      changed(args[1]);
      return orama.remove(...args);
    },
    search: search as IndexComponent['search'],
  };
}

function withSparseVectors(index: IndexStore): IndexStore {
  for (const entry of Object.values(index.vectorIndexes)) entry.node = SparseQueryVectorIndex.wrap(entry.node);
  return index;
}

/**
 * The words of the tree that start with `term`, in the order Orama's `RadixNode.find` lists them
 * (the order scores are added in, so ties break the same way), without its per-document checks.
 */
function wordsWithPrefix(root: RadixNode, term: string): RadixNode[] {
  let node = root;
  let i = 0;
  while (i < term.length) {
    const child = node.c.get(term[i]!);
    if (!child) return [];
    const edge = child.s;
    let j = 0;
    while (j < edge.length && i + j < term.length && edge[j] === term[i + j]) j++;
    if (j === edge.length) {
      node = child;
      i += j;
    } else if (i + j === term.length) {
      // The term ends inside the edge: every word below it starts with the term.
      node = child;
      break;
    } else return [];
  }
  const words: RadixNode[] = [];
  const stack = [node];
  while (stack.length) {
    const next = stack.pop()!;
    if (next.e && next.d.size > 0) words.push(next);
    if (next.c.size > 0) stack.push(...next.c.values());
  }
  return words;
}
