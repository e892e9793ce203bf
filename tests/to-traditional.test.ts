import { readFileSync } from 'node:fs';
import { Converter } from 'opencc-js/cn2t';
import { configs } from 'opencc-js/preset/cn2t';
import { describe, expect, it } from 'vitest';
import { toSimplified } from '../src/text/normalize.js';
import { createToTraditional } from '../src/text/to-traditional.js';
import { offlineService } from './helpers.js';

const opencc = Converter({ from: 'cn', to: 'tw' });
const toTraditional = createToTraditional();

/** The texts where the two converters differ, with both outputs, so a failure shows them. */
function differences(texts: string[]) {
  return texts.flatMap((text) => {
    const expected = opencc(text);
    const actual = toTraditional(text);
    return actual === expected ? [] : [{ text, expected, actual }];
  });
}

function questions(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { question: string }).question);
}

describe('Simplified → Traditional without OpenCC’s full tries', () => {
  it('frames every answer to a Traditional gold or dev2 question as OpenCC would', async () => {
    const service = await offlineService();
    const traditional = [...questions('evals/gold.jsonl'), ...questions('evals/dev2.jsonl')].filter((q) => toSimplified(q) !== q);
    expect(traditional.length).toBeGreaterThan(20);
    // The answer text before framing: the same question asked in Simplified.
    const answers = await Promise.all(traditional.map(async (q) => (await service.ask(toSimplified(q))).answer));
    expect(differences(answers)).toEqual([]);
  });

  it('converts the whole report, every paragraph and every section path as OpenCC does', async () => {
    const service = await offlineService();
    const report = readFileSync('corpus/shishi-2023-fazhi-zhengfu-report.txt', 'utf8');
    const paragraphs = service.document.paragraphs.flatMap((p) => [p.text, p.section]);
    expect(differences([report, ...paragraphs])).toEqual([]);
  });

  it('converts every phrase of OpenCC’s dictionary, alone and run together, as OpenCC does', () => {
    // s2tw segments the text with OpenCC's phrase dictionaries (STPhrases and the generated regional ones).
    const phrases = configs.s2tw!.segmentation as unknown as string[];
    const sources = phrases
      .join('|')
      .split('|')
      .map((entry) => entry.split(' ')[0]!);
    const texts: string[] = [];
    for (let i = 0; i < sources.length; i += 40) texts.push(sources.slice(i, i + 40).join(''), sources.slice(i, i + 40).join('，'));
    expect(texts.length).toBeGreaterThan(2400);
    expect(differences(texts)).toEqual([]);
  });

  it('converts words a question brings in, phrase by phrase', () => {
    expect(toTraditional('一干二净的后台和头发')).toBe(opencc('一干二净的后台和头发'));
    expect(toTraditional('行政复议决定书')).toBe('行政複議決定書');
  });
});
