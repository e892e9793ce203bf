import { describe, expect, it } from 'vitest';
import { checkVocabulary, figureTerms } from '../src/cli/check-vocab.js';
import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { vocabularyEntries } from '../src/corpus/vocabulary.js';
import { offlineService } from './helpers.js';

const corpus = loadCorpusFiles();
const reportTermsFor = (word: string) =>
  vocabularyEntries(corpus.vocabulary)
    .filter((e) => e.user.includes(word))
    .flatMap((e) => e.report);

describe('the citizen vocabulary', () => {
  it('names the report term for the words citizens use', () => {
    expect(reportTermsFor('商家')).toContain('市场主体');
    expect(reportTermsFor('老板')).toContain('市场主体');
    expect(reportTermsFor('政府发的文件')).toContain('规范性文件');
    expect(reportTermsFor('法律专家')).toContain('法律顾问');
    expect(reportTermsFor('民告官')).toEqual(expect.arrayContaining(['行政诉讼', '行政争议']));
    expect(reportTermsFor('撤销')).toContain('废止');
    expect(reportTermsFor('legal adviser')).toContain('法律顾问');
  });

  it('holds only terms the report uses, and covers every figure-bearing or named term with citizen words', () => {
    const { problems, terms, uncovered } = checkVocabulary(corpus.vocabulary, corpus.source);
    expect(problems).toEqual([]);
    expect(terms.length).toBeGreaterThan(100);
    expect(uncovered.map((t) => t.phrase)).toEqual([]);
  });

  it('lists citizen words that are the own term of the report for something else, for review', () => {
    const vocabulary = {
      ...corpus.vocabulary,
      terms: [
        { term: '法律顾问', kind: 'group' as const, zh: ['法律专家'], zht: [], en: [] },
        { term: '公共法律服务', kind: 'measure' as const, zh: ['法律咨询', '法律顾问'], zht: [], en: [] },
      ],
    };
    expect(checkVocabulary(vocabulary, corpus.source).crossReadings).toEqual([{ word: '法律顾问', term: '公共法律服务' }]);
    // The reviewed vocabulary no longer reads 法律顾问 as public legal services.
    expect(checkVocabulary(corpus.vocabulary, corpus.source).crossReadings).not.toContainEqual({ word: '法律顾问', term: '公共法律服务' });
  });

  it('finds the phrase a figure measures and every quoted name', () => {
    const phrases = figureTerms('共收到行政复议申请 228 件，纠错率 21.05%。开通“入学一件事”服务。').map((t) => t.phrase);
    expect(phrases).toEqual(expect.arrayContaining(['行政复议申请', '纠错率', '入学一件事']));
    expect(phrases).not.toContain('2023');
  });

  it('lets a citizen word find the paragraph that uses the report term', async () => {
    const service = await offlineService();
    const hit = async (q: string) => (await service.retrieve(q)).hits[0]?.paragraph.id;
    expect(await hit('政府发的文件清理掉了多少件？')).toBe('s4.1');
    expect(await hit('政府请的法律专家有几个？')).toBe('s6.2');
    expect(await hit('民告官的案子，机关负责人都出庭了吗？')).toBe('s4.2');
  });
});
