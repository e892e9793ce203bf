import { vector } from '@orama/orama/trees';

type Entry = [magnitude: number, vector: Float32Array];
type VectorIndexFind = vector.VectorIndex['find'];

/** The vectors one component after another (column-major), so a scan over every paragraph reads memory in order. */
interface Packed {
  ids: number[];
  magnitudes: Float64Array;
  columns: Float32Array;
}

/**
 * Orama's vector index with a faster cosine scan: the vectors packed by component, and only the
 * query's non-zero components read (the local hash embedder's query vectors have a few dozen to a
 * few hundred of 512). The similarities are the same numbers: the products skipped are zeros, the
 * others are added in the same order, in doubles, as Orama's `findSimilarVectors` does.
 */
export class SparseQueryVectorIndex extends vector.VectorIndex {
  private packed: Packed | null = null;

  /** The same index (same vectors, same order) with this scan. */
  static wrap(index: vector.VectorIndex): SparseQueryVectorIndex {
    const sparse = new SparseQueryVectorIndex(index.size);
    // Orama declares its map private; this class reads the same one.
    (sparse as unknown as { vectors: Map<number, Entry> }).vectors = (index as unknown as { vectors: Map<number, Entry> }).vectors;
    return sparse;
  }

  override add(...args: Parameters<vector.VectorIndex['add']>): void {
    super.add(...args);
    this.packed = null;
  }

  override remove(...args: Parameters<vector.VectorIndex['remove']>): void {
    super.remove(...args);
    this.packed = null;
  }

  override find(
    query: Parameters<VectorIndexFind>[0],
    similarity: number,
    where: Parameters<VectorIndexFind>[2],
  ): ReturnType<VectorIndexFind> {
    if (where) return super.find(query, similarity, where);
    const { ids, magnitudes, columns } = (this.packed ??= pack((this as unknown as { vectors: Map<number, Entry> }).vectors, this.size));
    const target = query instanceof Float32Array ? query : new Float32Array(query);
    const n = ids.length;
    const dots = new Float64Array(n);
    for (let i = 0; i < this.size; i++) {
      const t = target[i]!;
      if (t === 0) continue;
      for (let row = 0, at = i * n; row < n; row++, at++) dots[row] = dots[row]! + t * columns[at]!;
    }
    const targetMagnitude = vector.getMagnitude(target, this.size);
    const similar: [number, number][] = [];
    for (let row = 0; row < n; row++) {
      const score = dots[row]! / (targetMagnitude * magnitudes[row]!);
      if (score >= similarity) similar.push([ids[row]!, score]);
    }
    return similar;
  }
}

function pack(vectors: Map<number, Entry>, size: number): Packed {
  const n = vectors.size;
  const packed: Packed = { ids: [], magnitudes: new Float64Array(n), columns: new Float32Array(n * size) };
  let row = 0;
  for (const [id, [magnitude, values]] of vectors) {
    packed.ids.push(id);
    packed.magnitudes[row] = magnitude;
    for (let i = 0; i < size; i++) packed.columns[i * n + row] = values[i]!;
    row++;
  }
  return packed;
}
