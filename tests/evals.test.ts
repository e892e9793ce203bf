import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../evals/lib/aggregate.js';
import { loadGold, type GoldItem } from '../evals/lib/gold.js';
import { containsFact, scoreItem } from '../evals/lib/score.js';
import type { Answer } from '../src/types.js';

const paragraphs = new Map([['s4.3', '（三）…共收到行政复议申请 228 件，行政复议决定履行率达 100%，纠错率 21.05%。']]);
const item = (over: Partial<GoldItem> = {}): GoldItem => ({
  id: 'x',
  split: 'dev',
  category: 'numeric',
  question: '多少件？',
  answerable: true,
  gold: ['s4.3'],
  facts: ['228件'],
  style: 'citizen',
  ...over,
});
const text = paragraphs.get('s4.3')!;
const start = text.indexOf('共收到');
const cite = { id: 's4.3', section: '四 › （三）', text, quote: text.slice(start, start + 18), start, end: start + 18 };
const answered = (answer: string, citations = [cite]): Answer => ({ answer, abstained: false, mode: 'extractive', citations });
const declined: Answer = { answer: '报告中没有找到…', abstained: true, mode: 'extractive', citations: [] };

describe('the gold set', () => {
  it('passes its own consistency checks against the report (facts are in the gold paragraphs, every paragraph covered)', () => {
    expect(() => execFileSync(process.execPath, ['evals/check-gold.mjs'], { stdio: 'pipe' })).not.toThrow();
  });
  it('has dev and test splits and a blind split of at least 120 citizen questions, a fifth of them near misses', () => {
    const gold = loadGold();
    const count = (split: string) => gold.filter((g) => g.split === split).length;
    expect(count('dev')).toBeGreaterThanOrEqual(100);
    expect(count('test')).toBeGreaterThanOrEqual(100);
    const blind = gold.filter((g) => g.split === 'blind');
    expect(blind.length).toBeGreaterThanOrEqual(120);
    expect(blind.filter((g) => g.category === 'near-miss').length).toBeGreaterThanOrEqual(blind.length / 5);
  });
});

describe('scoring an answer', () => {
  it('passes a correct answer citing the gold paragraph with a verbatim quote', () => {
    const r = scoreItem(item(), 't', answered('共收到行政复议申请 228 件'), ['s4.3'], 1, paragraphs);
    expect(r).toMatchObject({ pass: true, rank: 1, factCorrect: true, quotesVerbatim: 1, wholeParagraphs: 1 });
  });
  it('fails a wrong number', () => {
    const r = scoreItem(item(), 't', answered('共收到行政复议申请 229 件'), ['s4.3'], 1, paragraphs);
    expect(r.pass).toBe(false);
    expect(r.factsMissing).toEqual(['228件']);
  });
  it('fails a quote that is not at its offsets or not in the paragraph', () => {
    const r = scoreItem(item(), 't', answered('228 件', [{ ...cite, quote: '共收到行政复议申请 229 件' }]), ['s4.3'], 1, paragraphs);
    expect(r.quotesVerbatim).toBe(0);
    expect(r.pass).toBe(false);
  });
  it('fails a citation whose text is not the whole paragraph', () => {
    const r = scoreItem(item(), 't', answered('228 件', [{ ...cite, text: text.slice(0, 40) }]), ['s4.3'], 1, paragraphs);
    expect(r.wholeParagraphs).toBe(0);
  });
  it('counts declining an unanswerable question as a pass and answering it as a failure', () => {
    const unanswerable = item({ answerable: false, gold: [], facts: [] });
    expect(scoreItem(unanswerable, 't', declined, [], 1, paragraphs).pass).toBe(true);
    expect(scoreItem(unanswerable, 't', answered('228 件'), ['s4.3'], 1, paragraphs).pass).toBe(false);
  });
  it('accepts a figure stated in an English answer by its number', () => {
    expect(containsFact('It received 228 applications.', '228件')).toBe(true);
    expect(containsFact('It received 2289 applications.', '228件')).toBe(false);
    expect(containsFact('纠错率 21.05%', '21.05%')).toBe(true);
  });
});

describe('aggregating', () => {
  it('computes recall, MRR, abstention precision and recall', () => {
    const results = [
      scoreItem(item(), 't', answered('228 件'), ['s1', 's4.3'], 1, paragraphs),
      scoreItem(item({ answerable: false, gold: [], facts: [] }), 't', declined, [], 1, paragraphs),
      scoreItem(item(), 't', declined, ['s4.3'], 1, paragraphs),
    ];
    const m = aggregate(results);
    expect(m['recall@1']).toBe(0.5);
    expect(m['recall@3']).toBe(1);
    expect(m.mrr).toBe(0.75);
    expect(m.abstentionPrecision).toBe(0.5);
    expect(m.abstentionRecall).toBe(1);
    expect(m.abstentionAccuracy).toBeCloseTo((1 / 2 + 1) / 2);
    expect(m.factAccuracy).toBe(0.5);
  });
});
