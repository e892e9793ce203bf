import { ConverterBuilder, type DictGroup, type DictLike, type LocalePreset } from 'opencc-js/core';
import * as t2cn from 'opencc-js/preset/t2cn';

/** OpenCC's recipe for one conversion (the preset's type leaves out `normalizationChain`). */
interface ConversionConfig {
  normalizationChain?: readonly DictGroup[];
  segmentation?: DictLike | DictGroup;
  conversionChain: readonly DictGroup[];
}

/**
 * Traditional → Simplified as opencc-js's `Converter({ from: 'tw', to: 'cn' })` converts, which
 * covers the Taiwan and Hong Kong variants a citizen is likely to type (復議, 負責, 學).
 *
 * A text none of whose characters begins an entry of the conversion's dictionaries is returned
 * as it is, without running OpenCC: no entry can match anywhere in it, at any step of the chain.
 * That is most Simplified text (two thirds of the vocabulary normalised at start-up).
 */
export function createToSimplified(preset: LocalePreset = t2cn as LocalePreset): (text: string) => string {
  // OpenCC's tries take ~15 ms to build: only once a text needs them (at start-up, none does).
  let built: ((text: string) => string) | undefined;
  const convert = (text: string) => {
    built ??= ConverterBuilder(preset)({ from: 'tw', to: 'cn' });
    return built(text);
  };
  const config = (preset.configs as Record<string, ConversionConfig> | undefined)?.tw2s;
  // Without the recipe (another preset), every text goes through OpenCC.
  if (!config) return convert;
  const dicts = [
    ...(config.normalizationChain ?? []),
    ...(config.segmentation ? [[config.segmentation].flat()] : []),
    ...config.conversionChain,
  ].flat();
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
