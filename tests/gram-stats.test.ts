import { describe, expect, it } from 'vitest';
import { snapshotQuestions } from '../evals/lib/answer-snapshot.js';
import { createGramStats } from '../src/retrieve/coverage.js';
import { formGrams } from '../src/retrieve/question-words.js';
import { normalizeForMatch } from '../src/text/normalize.js';
import { offlineService } from './helpers.js';

describe('document frequencies of grams', () => {
  it('count, for every gram of every gold and dev2 question, the paragraphs that contain it', async () => {
    const { index } = await offlineService();
    const texts = [...index.matchText.values()];
    const stats = createGramStats(texts);
    const grams = new Set(['', '𠮷', '228', 'legal', 'gdp']);
    for (const { question } of snapshotQuestions()) {
      const text = normalizeForMatch(question);
      for (const word of text.split(/[\s，。？?！!、]+/u).filter(Boolean)) for (const g of [...formGrams(word), ...word]) grams.add(g);
    }
    for (const gram of grams) expect(stats.df(gram), gram).toBe(texts.filter((t) => t.includes(gram)).length);
  });

  it('keep answering the same after more distinct long words than the cache holds', () => {
    const stats = createGramStats(['行政复议 legal adviser', 'legal aid 228']);
    for (let i = 0; i < 12_000; i++) stats.df(`word${i}`);
    expect([stats.df('legal'), stats.df('adviser'), stats.df('228'), stats.df('复议')]).toEqual([2, 1, 1, 1]);
  });
});
