/** What the query rewrite needs of a cache (a `lru-cache` instance would fit too). */
export interface Cache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

/**
 * A bounded least-recently-used cache on a `Map`, whose iteration order is insertion order: a hit
 * moves its key to the end, and the first key is the one to evict. A dependency (`lru-cache`)
 * would bring TTLs and size accounting this does not need, into the Workers bundle too.
 */
export function createLruCache<V>(maxEntries: number): Cache<V> & { readonly size: number } {
  if (!(maxEntries >= 1)) throw new Error(`lru cache: maxEntries must be at least 1, got ${maxEntries}`);
  const entries = new Map<string, V>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    get size() {
      return entries.size;
    },
  };
}
