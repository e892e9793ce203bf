import { beforeAll, describe, expect, it } from 'vitest';
import { extractNumbers, chineseValue } from '../src/text/extract-numbers.js';
import { locateQuote } from '../src/answer/locate-quote.js';
import { tallyChecks, verifyClaim, type VerifyContext } from '../src/answer/verify-answer.js';
import type { Paragraph } from '../src/types.js';
import { loadPinyin } from '../src/text/pinyin.js';
import { offlineService } from './helpers.js';

let context: VerifyContext;
let s43: Paragraph;
beforeAll(async () => {
  await loadPinyin(); // what the model answerer awaits before checking claims
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
    expect(extractNumbers('共228件，纠错率21.05%，审结5,500件，出庭率１００％').map((n) => n.value)).toEqual([
      '228',
      '21.05',
      '5500',
      '100',
    ]);
  });
  it('reads Chinese numerals that count something, but not idioms with 一', () => {
    expect(extractNumbers('集体学法七次，配备二十八台，第三批，一件事，一是深化').map((n) => n.value)).toEqual(['7', '28', '3']);
    expect(chineseValue('二〇二三')).toBe('2023');
    expect(chineseValue('两千五百')).toBe('2500');
    expect(chineseValue('十二万')).toBe('120000');
  });
});

describe('verifying a claim', () => {
  it('keeps a claim whose quote is verbatim and states its numbers and words', () => {
    const check = verifyClaim(
      { text: '2023年共收到行政复议申请228件。', refs: [{ id: 's4.3', quote: '共收到行政复议申请 228 件' }] },
      context,
    );
    expect(check.kept).toBe(true);
    expect(check.support?.ratio).toBe(1);
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
    const check = verifyClaim(
      {
        text: '负责人出庭率达100%。',
        refs: [
          { id: 's9.9', quote: 'x' },
          { id: 's4.2', quote: '全市行政机关负责人出庭率达 100%' },
        ],
      },
      context,
    );
    expect(check.kept).toBe(true);
    expect(check.citations.map((c) => c.id)).toEqual(['s4.2']);
    expect(check.unknownIds).toEqual(['s9.9']);
  });

  it('removes a claim with no citation at all', () => {
    const check = verifyClaim({ text: '石狮的GDP是1000亿元。', refs: [] }, context);
    expect(check).toMatchObject({ kept: false, uncited: true });
  });

  it('removes a claim whose figure is elsewhere in the paragraph but not in its quote (a neighbouring figure is the likeliest wrong one)', () => {
    const check = verifyClaim(
      { text: '2023年共收到行政复议申请228件，纠错率21.05%。', refs: [{ id: 's4.3', quote: '共收到行政复议申请 228 件' }] },
      context,
    );
    expect(check.kept).toBe(false);
    expect(check.unsupportedNumbers).toEqual(['21.05']);
    const both = verifyClaim(
      {
        text: '2023年共收到行政复议申请228件，纠错率21.05%。',
        refs: [
          { id: 's4.3', quote: '共收到行政复议申请 228 件' },
          { id: 's4.3', quote: '纠错率 21.05%' },
        ],
      },
      context,
    );
    expect(both.kept).toBe(true);
  });

  it('checks a number against the cited paragraph, not against any paragraph given', () => {
    const check = verifyClaim({ text: '配备移动终端228台。', refs: [{ id: 's5.3', quote: '配备“闽执法”平台移动终端 118 台' }] }, context);
    expect(check.unsupportedNumbers).toEqual(['228']);
  });

  it('lets the report year through without a citation of its own, and ignores list numbering', () => {
    expect(
      verifyClaim({ text: '1. 2023年负责人出庭率达100%。', refs: [{ id: 's4.2', quote: '全市行政机关负责人出庭率达 100%' }] }, context)
        .kept,
    ).toBe(true);
  });

  it('counts how often each check fired', () => {
    const checks = [
      verifyClaim({ text: '共收到行政复议申请229件。', refs: [{ id: 's4.3', quote: '共收到行政复议申请 228 件' }] }, context),
      verifyClaim({ text: '纠错率21.05%。', refs: [{ id: 's4.3', quote: '纠错率 21.05%' }] }, context),
      verifyClaim({ text: '另有说明。', refs: [] }, context),
    ];
    expect(tallyChecks(checks)).toEqual({
      claims: 3,
      claimsRemoved: 2,
      uncitedClaims: 1,
      unknownIds: 0,
      quotesNotVerbatim: 0,
      quotesTooShort: 0,
      unsupportedNumbers: 1,
      unsupportedWords: 0,
      unsupportedTokens: 0,
      modelDeclined: 0,
      declineDisagreed: 0,
      fallback: 0,
    });
  });
});

describe('every word of a claim, not only its citations and numbers', () => {
  it('removes a claim resting on a quote shorter than a clause, though verbatim', () => {
    for (const quote of ['复议', '228 件', '纠错率']) {
      const check = verifyClaim({ text: '行政复议纠错率很高。', refs: [{ id: 's4.3', quote }] }, context);
      expect(check, quote).toMatchObject({ kept: false, quotesTooShort: [{ id: 's4.3', quote }], quotesNotVerbatim: [] });
    }
  });

  it('accepts a short quote that is a whole clause, and counts a clause by its letters and digits', () => {
    const given = new Map([['closing-statement', { ...s43, id: 'closing-statement', text: '特此报告。' }]]);
    expect(
      verifyClaim({ text: '报告以“特此报告”结尾。', refs: [{ id: 'closing-statement', quote: '特此报告' }] }, { given }).quotesTooShort,
    ).toEqual([]);
    expect(verifyClaim({ text: '纠错率为21.05%。', refs: [{ id: 's4.3', quote: '纠错率 21.05%' }] }, context).kept).toBe(true);
  });

  it('removes a claim whose words its quote does not say, with or without a number', () => {
    const gdp = verifyClaim({ text: '石狮全年GDP增长10%。', refs: [{ id: 's4.3', quote: '共收到行政复议申请 228 件' }] }, context);
    expect(gdp).toMatchObject({ kept: false, unsupportedWords: true, unsupportedNumbers: ['10'] });
    expect(gdp.support?.missing).toEqual(['10', 'gdp', '增长']);
    const praise = verifyClaim(
      { text: '共收到行政复议申请228件，受到省领导高度肯定。', refs: [{ id: 's4.3', quote: '共收到行政复议申请 228 件' }] },
      context,
    );
    expect(praise).toMatchObject({ kept: false, unsupportedWords: true, unsupportedNumbers: [] });
  });

  it('lets a claim frame its quote (根据报告, the year, particles) and read it in Traditional script', () => {
    for (const text of ['根据报告，2023年全市共收到了行政复议申请228件。', '根據報告，共收到行政復議申請228件。']) {
      expect(verifyClaim({ text, refs: [{ id: 's4.3', quote: '共收到行政复议申请 228 件' }] }, context).kept, text).toBe(true);
    }
  });

  it('removes a claim carrying an address, a phone number, an account id or a name its quote does not state', () => {
    const claims = [
      '共收到行政复议申请228件，详情见 http://evil.example/a 。',
      '共收到行政复议申请228件，可发邮件至 help@evil.example 咨询。',
      '共收到行政复议申请228件，咨询电话 13912345678。',
      '共收到行政复议申请228件，可加微信 shishi_fazhi88 咨询。',
      '共收到行政复议申请228件，请关注 @石狮法治 。',
      '张伟局长介绍，共收到行政复议申请228件。',
      'Zhang Wei said the city received 228 applications.',
    ];
    for (const text of claims) {
      const check = verifyClaim({ text, refs: [{ id: 's4.3', quote: '共收到行政复议申请 228 件' }] }, context);
      expect(check.kept, text).toBe(false);
      expect(check.unsupportedTokens.length, text).toBe(1);
    }
  });

  it('keeps a contact or a name the quote states, in any script', () => {
    const given = new Map([['closing-contact', { ...s43, id: 'closing-contact', text: '(联系人: 王丹蓉, 联系电话: 13788817686)' }]]);
    const quote = '联系人: 王丹蓉, 联系电话: 13788817686';
    for (const text of ['联系人是王丹蓉，联系电话13788817686。', 'The contact person is Wang Danrong, phone 13788817686.']) {
      expect(verifyClaim({ text, refs: [{ id: 'closing-contact', quote }] }, { given }), text).toMatchObject({
        kept: true,
        unsupportedTokens: [],
      });
    }
  });

  it('does not measure the words of an English claim against a Chinese quote, but still its numbers and names', () => {
    const check = verifyClaim(
      { text: 'Agency heads appeared in court in 100% of cases.', refs: [{ id: 's4.2', quote: '全市行政机关负责人出庭率达 100%' }] },
      context,
    );
    expect(check).toMatchObject({ kept: true, support: { measured: false } });
    expect(
      verifyClaim(
        { text: 'Agency heads appeared in 90% of cases.', refs: [{ id: 's4.2', quote: '全市行政机关负责人出庭率达 100%' }] },
        context,
      ).kept,
    ).toBe(false);
  });
});
