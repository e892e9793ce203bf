import { describe, expect, it } from 'vitest';
import { rankSentences } from '../src/retrieve/retrieve.js';
import { tokenize } from '../src/text/tokenize.js';
import { offlineService } from './helpers.js';

describe('work retrieval leaves undone until it is needed', () => {
  it('ranks a candidate’s sentences when first read, once: every read gives the same array, ranked as before', async () => {
    const { retrieve, lexicon } = await offlineService();
    const retrieval = await retrieve('行政复议一共收到多少件申请？');
    const hit = retrieval.hits[2]!;
    const first = hit.spans;
    expect(hit.spans).toBe(first);
    // Without history or a rewrite the question's own units are the ones sentences are ranked by.
    expect(first).toEqual(rankSentences(hit.paragraph, hit.sentenceText, retrieval.judged, retrieval.analysis, lexicon));
  });

  it('tokenises the same text to the same tokens twice in a row, in an array the caller may change', () => {
    const once = tokenize('行政復議 228 件');
    once.push('changed');
    expect(tokenize('行政復議 228 件')).toEqual(once.slice(0, -1));
    expect(tokenize('纠错率')).not.toEqual(once.slice(0, -1));
  });
});
