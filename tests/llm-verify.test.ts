import { beforeAll, describe, expect, it } from 'vitest';
import { extractNumbers, chineseValue } from '../src/answer/extract-numbers.js';
import { locateQuote } from '../src/answer/locate-quote.js';
import { tallyChecks, verifyClaim, type VerifyContext } from '../src/answer/verify-answer.js';
import type { Paragraph } from '../src/types.js';
import { offlineService } from './helpers.js';

let context: VerifyContext;
let s43: Paragraph;
beforeAll(async () => {
  const service = await offlineService();
  const given = new Map(['s4.2', 's4.3', 's5.3'].map((id) => [id, service.paragraph(id)!]));
  s43 = given.get('s4.3')!;
  context = { given, contextNumbers: ['2023'] };
});

describe('finding a quote in a paragraph', () => {
  it('matches the report wording with whitespace left out and returns offsets into the verbatim text', () => {
    const text = '规范案件在线办理。共收到行政复议申请 228 件，行政复议决定履行率达 100%';
    const span = locateQuote(text, '共收到行政复议申请228件')!;
    expect(text.slice(span.start, span.end)).toBe('共收到行政复议申请 228 件');
  });
  it('accepts quote marks the model wrapped around the quotation', () => {
    const span = locateQuote('配备“闽执法”平台移动终端 118 台。', '“配备“闽执法”平台移动终端')!;
    expect(span).toEqual({ start: 0, end: 13 });
  });
  it('rejects a quote with one character changed, and one too short to prove anything', () => {
    expect(locateQuote('共收到行政复议申请 228 件', '共收到行政复议申请 229 件')).toBeNull();
    expect(locateQuote('共收到行政复议申请 228 件', '228')).toBeNull();
  });
});

describe('numbers in an answer', () => {
  it('finds figures, decimals, percentages, thousands separators and full-width digits', () => {
    expect(extractNumbers('共228件，纠错率21.05%，审结5,500件，出庭率１００％').map((n) => n.value)).toEqual(['228', '21.05', '5500', '100']);
  });
  it('reads Chinese numerals that count something, but not idioms with 一', () => {
    expect(extractNumbers('集体学法七次，配备二十八台，第三批，一件事，一是深化').map((n) => n.value)).toEqual(['7', '28', '3']);
    expect(chineseValue('二〇二三')).toBe('2023');
    expect(chineseValue('两千五百')).toBe('2500');
    expect(chineseValue('十二万')).toBe('120000');
  });
});

describe('verifying a claim', () => {
  it('keeps a claim whose quote is verbatim and whose numbers the cited paragraph states', () => {
    const check = verifyClaim({ text: '2023年共收到行政复议申请228件，纠错率21.05%。', refs: [{ id: 's4.3', quote: '共收到行政复议申请 228 件' }] }, context);
    expect(check.kept).toBe(true);
    expect(check.citations[0]).toMatchObject({ id: 's4.3', quote: '共收到行政复议申请 228 件' });
    const c = check.citations[0]!;
    expect(c.text.slice(c.start, c.end)).toBe(c.quote);
    expect(c.text).toBe(s43.text);
  });

  it('removes a claim whose number the paragraph does not state (229 where the report says 228)', () => {
    const check = verifyClaim({ text: '共收到行政复议申请229件。', refs: [{ id: 's4.3', quote: '共收到行政复议申请 228 件' }] }, context);
    expect(check.kept).toBe(false);
    expect(check.unsupportedNumbers).toEqual(['229']);
  });

  it('removes a claim resting on a fabricated quote', () => {
    const check = verifyClaim({ text: '行政复议全部在线办理。', refs: [{ id: 's4.3', quote: '行政复议案件全部实现在线办理' }] }, context);
    expect(check.kept).toBe(false);
    expect(check.quotesNotVerbatim).toHaveLength(1);
  });

  it('removes a claim citing a paragraph the model was not given, even when the quote is real', () => {
    const check = verifyClaim({ text: '全市市场主体总数近17万户。', refs: [{ id: 's3.1', quote: '全市市场主体总数近 17 万户' }] }, context);
    expect(check.kept).toBe(false);
    expect(check.unknownIds).toEqual(['s3.1']);
  });

  it('keeps a claim with one good and one bad citation, dropping the bad one', () => {
    const check = verifyClaim({ text: '负责人出庭率达100%。', refs: [{ id: 's9.9', quote: 'x' }, { id: 's4.2', quote: '全市行政机关负责人出庭率达 100%' }] }, context);
    expect(check.kept).toBe(true);
    expect(check.citations.map((c) => c.id)).toEqual(['s4.2']);
    expect(check.unknownIds).toEqual(['s9.9']);
  });

  it('removes a claim with no citation at all', () => {
    const check = verifyClaim({ text: '石狮的GDP是1000亿元。', refs: [] }, context);
    expect(check).toMatchObject({ kept: false, uncited: true });
  });

  it('checks a number against the cited paragraph, not against any paragraph given', () => {
    const check = verifyClaim({ text: '配备移动终端228台。', refs: [{ id: 's5.3', quote: '配备“闽执法”平台移动终端 118 台' }] }, context);
    expect(check.unsupportedNumbers).toEqual(['228']);
  });

  it('lets the report year through without a citation of its own, and ignores list numbering', () => {
    expect(verifyClaim({ text: '1. 2023年负责人出庭率达100%。', refs: [{ id: 's4.2', quote: '全市行政机关负责人出庭率达 100%' }] }, context).kept).toBe(true);
  });

  it('counts how often each check fired', () => {
    const checks = [
      verifyClaim({ text: '共收到行政复议申请229件。', refs: [{ id: 's4.3', quote: '共收到行政复议申请 228 件' }] }, context),
      verifyClaim({ text: '纠错率21.05%。', refs: [{ id: 's4.3', quote: '纠错率 21.05%' }] }, context),
      verifyClaim({ text: '另有说明。', refs: [] }, context),
    ];
    expect(tallyChecks(checks)).toEqual({ claims: 3, claimsRemoved: 2, uncitedClaims: 1, unknownIds: 0, quotesNotVerbatim: 0, unsupportedNumbers: 1, fallback: 0 });
  });
});
