import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
import { createQaService, type QaService } from '../src/qa-service.js';

let cached: QaService;
let uncached: QaService;
beforeAll(async () => {
  const corpus = loadCorpusFiles();
  [cached, uncached] = await Promise.all([
    createQaService({ corpus, embedder: localHashEmbedder(), cacheSize: 3 }),
    createQaService({ corpus, embedder: localHashEmbedder() }),
  ]);
});

describe('kept offline answers', () => {
  it('give a follow-up the answer for its own conversation, not the one kept for another', async () => {
    const first = await cached.ask('那纠错率呢？', [{ role: 'user', content: '行政复议收到多少件申请？' }]);
    const alone = await cached.ask('那纠错率呢？');
    expect(first.answer).toContain('21.05%');
    expect(alone).toEqual(await uncached.ask('那纠错率呢？'));
  });

  it('answer a Traditional question in Traditional even after the Simplified one was kept', async () => {
    await cached.ask('行政复议的纠错率是多少？');
    const traditional = await cached.ask('行政復議的糾錯率是多少？');
    expect(traditional.answer).toContain('糾錯率');
  });

  it('stay the same answers, and the staff search the same hits, as computed afresh', async () => {
    for (const q of ['行政复议一共收到多少件申请？', '负责人出庭了吗？', '金牌调解室在哪里？', '行政复议一共收到多少件申请？']) {
      expect(await cached.ask(q)).toEqual(await uncached.ask(q));
    }
    expect(await cached.search('复议', 5)).toEqual(await uncached.search('复议', 5));
    expect(await cached.search('复议', 2)).toEqual(await uncached.search('复议', 2));
  });
});
