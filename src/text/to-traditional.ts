import { ConverterFactory, Trie, type DictGroup, type DictLike } from 'opencc-js/core';
import { configs } from 'opencc-js/preset/cn2t';

/** OpenCC's recipe for one conversion (the preset's type leaves out `normalizationChain`). */
interface ConversionConfig {
  normalizationChain?: readonly DictGroup[];
  segmentation: DictLike | DictGroup;
  conversionChain: readonly DictGroup[];
}

/**
 * One dictionary as a lookup table, and the length (UTF-16) of its longest source per first two
 * code units, so that a text is probed only for lengths some entry has.
 */
interface Lookup {
  entries: Map<string, string>;
  longest: Map<string, number>;
}

/**
 * Simplified → Traditional (Taiwan standard), exactly as opencc-js's
 * `Converter({ from: 'cn', to: 'tw' })` converts, without its 40 MB of tries.
 *
 * OpenCC builds one trie node (a `Map`) per character of its 50,000 phrases, twice (segmentation
 * and conversion). But at each position its longest-match lookup can only find an entry that
 * occurs in the text; so for each text this builds OpenCC's own tries (`Trie` from
 * `opencc-js/core`) from just the entries that occur in it, found in plain per-dictionary maps
 * (about 6 MB), and runs the same chain: normalisation, segmentation, then each conversion group
 * over each segment. The output is OpenCC's for any text; a test compares both converters.
 *
 * @example createToTraditional()('行政复议决定书') // '行政復議決定書'
 */
export function createToTraditional(config: ConversionConfig = (configs as Record<string, ConversionConfig>).s2tw!): (text: string) => string {
  const normalize = config.normalizationChain ? ConverterFactory(...config.normalizationChain) : (text: string) => text;
  const segmentation = asGroup(config.segmentation).map(lookupOf);
  const conversion = config.conversionChain.map((group) => group.map(lookupOf));

  return function toTraditional(text: string): string {
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

const lookups = new WeakMap<object, Lookup>();
const stringLookups = new Map<string, Lookup>();

/** A dictionary's lookup table, built once per dictionary (groups share the 1 MB phrase list). */
function lookupOf(dict: DictLike): Lookup {
  const cached = typeof dict === 'string' ? stringLookups.get(dict) : lookups.get(dict);
  if (cached) return cached;
  const lookup: Lookup = { entries: new Map(), longest: new Map() };
  // A later duplicate replaces an earlier one, as it does in OpenCC's trie.
  if (typeof dict === 'string') forEachEntry(dict, (source, replacement) => addEntry(lookup, source, replacement));
  else for (const [source, replacement] of dict) addEntry(lookup, source, replacement);
  if (typeof dict === 'string') stringLookups.set(dict, lookup);
  else lookups.set(dict, lookup);
  return lookup;
}

function addEntry({ entries, longest }: Lookup, source: string, replacement: string) {
  entries.set(source, replacement);
  const head = source.slice(0, 2);
  longest.set(head, Math.max(longest.get(head) ?? 0, source.length));
}

/** The entries of a dictionary in OpenCC's string form (`source replacement|…`), read in place. */
function forEachEntry(dict: string, add: (source: string, replacement: string) => void) {
  for (let start = 0; start < dict.length; ) {
    const space = dict.indexOf(' ', start);
    const bar = dict.indexOf('|', start);
    const end = bar === -1 ? dict.length : bar;
    if (space === -1 || space > end) throw new TypeError(`not an OpenCC dictionary entry: ${dict.slice(start, end)}`);
    add(dict.slice(start, space), dict.slice(space + 1, end));
    start = end + 1;
  }
}

/**
 * OpenCC's trie for a dictionary group, holding only the entries that occur in `text`. Where
 * dictionaries of a group share a source, the first one wins, as in `Trie.loadDictGroup`.
 */
function trieOf(group: Lookup[], text: string): Trie {
  const found = new Map<string, string>();
  for (let start = 0; start < text.length; start++) {
    const head = text.slice(start, start + 2);
    let longest = 1;
    for (const d of group) longest = Math.max(longest, d.longest.get(head) ?? 0);
    for (let end = start + 1; end <= Math.min(text.length, start + longest); end++) {
      const source = text.slice(start, end);
      if (found.has(source)) continue;
      for (const { entries } of group) {
        const replacement = entries.get(source);
        if (replacement !== undefined) {
          found.set(source, replacement);
          break;
        }
      }
    }
  }
  const trie = new Trie();
  trie.loadDict([...found]);
  return trie;
}
