import { ConverterFactory, Trie, type DictGroup, type DictLike } from 'opencc-js/core';

/** OpenCC's recipe for one conversion (the preset's type leaves out `normalizationChain`). */
export interface ConversionConfig {
  normalizationChain?: readonly DictGroup[];
  segmentation: DictLike | DictGroup;
  conversionChain: readonly DictGroup[];
}

/**
 * One dictionary in OpenCC's string form (`source replacement|…`), searched in place: the offsets
 * of its entries, sorted by source, so the entries beginning a text are found by binary search
 * (a trie walk without the trie). 250 KB for the 50,000 phrases instead of 40 MB of trie nodes.
 */
interface Lookup {
  dict: string;
  entries: Int32Array;
}

/**
 * One of OpenCC's conversions (`config`, a preset's recipe such as `s2tw`), exactly as opencc-js's
 * `ConverterBuilder` converts, without building its tries for the whole dictionaries.
 *
 * OpenCC builds one trie node (a `Map`) per character of its 50,000 phrases, twice (segmentation
 * and conversion). But at each position its longest-match lookup can only find an entry that
 * occurs in the text. So for each text this builds OpenCC's own tries (`Trie` from
 * `opencc-js/core`) from just the entries that occur in it, found by binary search in OpenCC's
 * dictionary strings, and runs the same chain: normalisation, segmentation, then each
 * conversion group over each segment. The output is OpenCC's for any text (a test compares the
 * two converters); a 200-character answer takes about 0.25 ms.
 */
export function openccLookupConverter(config: ConversionConfig): (text: string) => string {
  const normalize = config.normalizationChain ? ConverterFactory(...config.normalizationChain) : (text: string) => text;
  const segmentation = asGroup(config.segmentation).map(lookupOf);
  const conversion = config.conversionChain.map((group) => group.map(lookupOf));

  return function convertByLookup(text: string): string {
    const normalized = normalize(text);
    let segments = trieOf(segmentation, normalized).segment(normalized);
    for (const group of conversion) {
      const trie = trieOf(group, segments.join(''));
      segments = segments.map((segment) => trie.convert(segment));
    }
    return segments.join('');
  };
}

/** `segmentation` is one dictionary or a group of them (as in OpenCC's own builder). */
function asGroup(dicts: DictLike | DictGroup): DictGroup {
  return Array.isArray(dicts) && dicts.every((d) => typeof d === 'string') ? (dicts as DictGroup) : [dicts as DictLike];
}

const lookups = new Map<DictLike, Lookup>();

/** A dictionary's sorted entry offsets, computed once per dictionary (groups share the 1 MB phrase list). */
function lookupOf(dict: DictLike): Lookup {
  const cached = lookups.get(dict);
  if (cached) return cached;
  const text = typeof dict === 'string' ? dict : dict.map((pair) => pair.join(' ')).join('|');
  const offsets: number[] = [];
  for (let at = 0; at < text.length; at = text.indexOf('|', at) + 1 || text.length) offsets.push(at);
  const entries = Int32Array.from(offsets);
  const source = (at: number) => text.slice(at, text.indexOf(' ', at));
  // OpenCC ships its dictionaries sorted; sort any other (a later duplicate wins, as in OpenCC's trie).
  if (entries.some((at, i) => i > 0 && source(entries[i - 1]!) >= source(at))) {
    const bySource = new Map<string, number>();
    for (const at of entries) bySource.set(source(at), at);
    entries.set([...bySource].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, at]) => at));
    const lookup = { dict: text, entries: entries.subarray(0, bySource.size) };
    lookups.set(dict, lookup);
    return lookup;
  }
  const lookup = { dict: text, entries };
  lookups.set(dict, lookup);
  return lookup;
}

/**
 * How the source of the entry at `at` compares with `text[from, from + length)` as a prefix:
 * 0 when the source begins with it, else the sign of their order.
 */
function comparePrefix(dict: string, at: number, text: string, from: number, length: number): number {
  for (let k = 0; k < length; k++) {
    const c = dict.charCodeAt(at + k);
    if (c === 32) return -1; // the source ended first: it sorts before
    const d = text.charCodeAt(from + k);
    if (c !== d) return c - d;
  }
  return 0;
}

/** Each entry of `dict` that begins `text` at `from` (shortest first), as [source, replacement]. */
function* entriesAt({ dict, entries }: Lookup, text: string, from: number): Generator<[string, string]> {
  let lo = 0;
  let hi = entries.length;
  for (let length = 1; from + length <= text.length; length++) {
    // Narrow [lo, hi) to the entries whose source begins with the text's next `length` units.
    let a = lo;
    let b = hi;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (comparePrefix(dict, entries[mid]!, text, from, length) < 0) a = mid + 1;
      else b = mid;
    }
    lo = a;
    b = hi;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (comparePrefix(dict, entries[mid]!, text, from, length) <= 0) a = mid + 1;
      else b = mid;
    }
    hi = a;
    if (lo >= hi) return;
    // The shortest source of the range sorts first: it is the text's prefix itself when there is one.
    const at = entries[lo]!;
    const space = dict.indexOf(' ', at);
    if (space - at === length) {
      const bar = dict.indexOf('|', space);
      yield [dict.slice(at, space), dict.slice(space + 1, bar === -1 ? dict.length : bar)];
    }
  }
}

/**
 * OpenCC's trie for a dictionary group, holding only the entries that occur in `text`. Where
 * dictionaries of a group share a source, the first one wins, as in `Trie.loadDictGroup`.
 */
function trieOf(group: Lookup[], text: string): Trie {
  const found = new Map<string, string>();
  for (let from = 0; from < text.length; from++) {
    for (const lookup of group) {
      for (const [source, replacement] of entriesAt(lookup, text, from)) if (!found.has(source)) found.set(source, replacement);
    }
  }
  const trie = new Trie();
  trie.loadDict([...found]);
  return trie;
}
