import { ConverterBuilder, type LocalePreset } from 'opencc-js/core';
import * as t2cn from 'opencc-js/preset/t2cn';
import { type ConversionConfig, openccLookupConverter } from './opencc-lookup.js';

/**
 * Texts converted by lookup in OpenCC's dictionary strings (`openccLookupConverter`) before
 * OpenCC's own tries are built. A question takes ~15 µs by lookup and ~2 µs through the tries,
 * which take ~20 ms to build (and as much again in garbage collection under a 1 MB young
 * generation): rent until the rent would have bought them. Start-up normalises a few hundred
 * question words and no longer builds them before the server listens (evals/_t2s2.mts, 2026-11-28).
 */
const LOOKUPS_BEFORE_TRIES = 1_000;

/**
 * Traditional → Simplified as opencc-js's `Converter({ from: 'tw', to: 'cn' })` converts, which
 * covers the Taiwan and Hong Kong variants a citizen is likely to type (復議, 負責, 學): by lookup
 * for the first texts, then through OpenCC's tries.
 *
 * A text none of whose characters begins an entry of the conversion's dictionaries is returned
 * as it is, without running OpenCC: no entry can match anywhere in it, at any step of the chain.
 * That is most Simplified text (two thirds of the vocabulary normalised at start-up).
 */
export function createToSimplified(preset: LocalePreset = t2cn as LocalePreset): (text: string) => string {
  let tries: ((text: string) => string) | undefined;
  const buildTries = () => ConverterBuilder(preset)({ from: 'tw', to: 'cn' });
  const config = (preset.configs as Record<string, ConversionConfig> | undefined)?.tw2s;
  // Without the recipe (another preset), every text goes through OpenCC's tries.
  if (!config) return (text) => (tries ??= buildTries())(text);
  const byLookup = openccLookupConverter(config);
  let lookups = 0;
  const convert = (text: string) => {
    if (!tries && ++lookups > LOOKUPS_BEFORE_TRIES) tries = buildTries();
    return tries ? tries(text) : byLookup(text);
  };
  const dicts = [...(config.normalizationChain ?? []), [config.segmentation].flat(), ...config.conversionChain].flat();
  const starts = new Set<number>();
  for (const dict of dicts) {
    if (typeof dict === 'string') for (const entry of dict.split('|')) starts.add(entry.codePointAt(0)!);
    else for (const [source] of dict as readonly (readonly [string, string])[]) starts.add(source.codePointAt(0)!);
  }
  return function toSimplified(text: string): string {
    for (let i = 0; i < text.length; i++) {
      if (starts.has(text.codePointAt(i)!)) return convert(text);
    }
    return text;
  };
}
