import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from '../src/text/normalize.js';
import { tokenize } from '../src/text/tokenize.js';

describe('normalizeForMatch', () => {
  it('folds Traditional to Simplified', () => {
    expect(normalizeForMatch('行政復議 負責人出庭率 中小學生')).toBe('行政复议负责人出庭率中小学生');
  });
  it('folds full-width letters and digits and lower-cases', () => {
    expect(normalizeForMatch('ＧＤＰ是２２８件')).toBe('gdp是228件');
  });
  it('removes the spaces the report puts between numbers and Chinese', () => {
    expect(normalizeForMatch('共收到行政复议申请 228 件')).toBe(normalizeForMatch('共收到行政复议申请228件'));
    expect(normalizeForMatch('深化“i 石狮”平台')).toBe('深化“i石狮”平台');
  });
  it('keeps the spaces between English words', () => {
    expect(normalizeForMatch('Administrative  Reconsideration')).toBe('administrative reconsideration');
  });
  it('reads the hyphens of an English compound as spaces, so rule-of-law matches rule of law', async () => {
    expect(normalizeForMatch('Rule-of-Law model city')).toBe('rule of law model city');
    expect(normalizeForMatch('2021—2025年 i-石狮')).toBe('2021—2025年i-石狮');
    const { offlineService } = await import('./helpers.js');
    const { analysis } = await (await offlineService()).retrieve('Is Shishi a rule-of-law model city?');
    expect(analysis.units.map((u) => u.text)).not.toContain('rule-of-law');
  });
});

describe('tokenize', () => {
  it('keeps 复议 as one token where Intl.Segmenter splits it', () => {
    expect(tokenize('行政复议')).toEqual(expect.arrayContaining(['行政', '复议']));
  });
  it('gives Traditional and Simplified text the same tokens', () => {
    expect(tokenize('行政復議申請')).toEqual(tokenize('行政复议申请'));
  });
  it('gives spaced and unspaced numbers the same tokens', () => {
    expect(tokenize('228 件')).toEqual(tokenize('２２８件'));
    expect(tokenize('21.05%')).toContain('21.05#');
  });
  it('marks the end of numbers so 2 does not prefix-match 228', () => {
    expect(tokenize('2 万名')).toContain('2#');
    expect(tokenize('2 万名')).not.toContain('228#');
  });
});
