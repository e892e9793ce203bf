import { readFileSync } from 'node:fs';
import { Converter } from 'opencc-js/t2cn';
import { configs } from 'opencc-js/preset/t2cn';
import { describe, expect, it } from 'vitest';
import { toSimplified } from '../src/text/normalize.js';
import { type ConversionConfig, openccLookupConverter } from '../src/text/opencc-lookup.js';

const opencc = Converter({ from: 'tw', to: 'cn' });
// toSimplified converts its first texts by lookup, then through OpenCC's tries: both ways are compared.
const byLookup = openccLookupConverter(configs.tw2s as unknown as ConversionConfig);

function differences(texts: string[]) {
  return texts.flatMap((text) => {
    const expected = opencc(text);
    const actual = toSimplified(text);
    const lookedUp = byLookup(text);
    return actual === expected && lookedUp === expected ? [] : [{ text, expected, actual, lookedUp }];
  });
}

describe('Traditional → Simplified', () => {
  it('folds every question, the vocabulary and the report as OpenCC does', () => {
    const questions = ['evals/gold.jsonl', 'evals/dev2.jsonl'].flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { question: string }).question),
    );
    const vocabulary = JSON.stringify(JSON.parse(readFileSync('corpus/vocabulary.json', 'utf8'))).split(/[",[\]{}:]+/u);
    const report = readFileSync('corpus/shishi-2023-fazhi-zhengfu-report.txt', 'utf8');
    expect(differences([...questions, ...vocabulary, report, ...report.split('\n')])).toEqual([]);
  });

  it('converts every entry of OpenCC’s tw → cn dictionaries, alone and run together, as OpenCC does', () => {
    const { normalizationChain, segmentation, conversionChain } = configs.tw2s as unknown as Record<string, string[] | string[][]>;
    const dicts = [normalizationChain, segmentation, conversionChain].flat(2) as string[];
    const sources = dicts
      .join('|')
      .split('|')
      .map((entry) => entry.split(' ')[0]!);
    const texts: string[] = [...sources];
    for (let i = 0; i < sources.length; i += 30) texts.push(sources.slice(i, i + 30).join(''));
    expect(texts.length).toBeGreaterThan(6000);
    expect(differences(texts)).toEqual([]);
  });

  it('leaves Simplified text as it is and folds Traditional', () => {
    expect(toSimplified('行政复议')).toBe('行政复议');
    expect(toSimplified('行政復議')).toBe('行政复议');
  });
});
