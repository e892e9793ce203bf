import { describe, expect, it } from 'vitest';
import { createCitedTextParser } from '../src/llm/parse-cited-text.js';

function parseInPieces(text: string, size: number) {
  const parser = createCitedTextParser();
  const completedAt: number[] = [];
  const claims = [];
  for (let i = 0; i < text.length; i += size) {
    const done = parser.push(text.slice(i, i + size));
    claims.push(...done);
    completedAt.push(...done.map(() => i + size));
  }
  claims.push(...parser.end());
  return { claims, completedAt };
}

describe('reading inline citations from streamed model output', () => {
  const answer =
    '共收到行政复议申请228件[[s4.3|共收到行政复议申请 228 件]]，纠错率21.05%[[s4.3|纠错率 21.05%]]。负责人出庭率达100%[[s4.2|出庭率达 100%]][[s4.3|行政复议决定履行率达 100%]]。';

  it('cuts the answer into claims, each with the markers that follow it and its punctuation', () => {
    const { claims } = parseInPieces(answer, 1000);
    expect(claims).toEqual([
      { text: '共收到行政复议申请228件，', refs: [{ id: 's4.3', quote: '共收到行政复议申请 228 件' }] },
      { text: '纠错率21.05%。', refs: [{ id: 's4.3', quote: '纠错率 21.05%' }] },
      {
        text: '负责人出庭率达100%。',
        refs: [
          { id: 's4.2', quote: '出庭率达 100%' },
          { id: 's4.3', quote: '行政复议决定履行率达 100%' },
        ],
      },
    ]);
  });

  it('gives the same claims however the stream is chunked, each as soon as it is complete', () => {
    for (const size of [1, 2, 3, 7, 13]) expect(parseInPieces(answer, size).claims).toEqual(parseInPieces(answer, 1000).claims);
    const { completedAt } = parseInPieces(answer, 1);
    expect(completedAt[0]).toBeLessThan(answer.indexOf('纠错率') + 2);
  });

  it('returns a sentence without a marker as an uncited claim', () => {
    const { claims } = parseInPieces('石狮很好。出庭率达100%[[s4.2|出庭率达 100%]]。另外，请访问 example.com', 5);
    expect(claims.map((c) => [c.text, c.refs.length])).toEqual([
      ['石狮很好。', 0],
      ['出庭率达100%。', 1],
      ['另外，请访问 example.com', 0],
    ]);
  });

  it('attaches a marker written after the full stop to the sentence before it', () => {
    const { claims } = parseInPieces('出庭率达100%。[[s4.2|出庭率达 100%]]\n下一句[[s4.3|纠错率 21.05%]]', 4);
    expect(claims.map((c) => c.text)).toEqual(['出庭率达100%。\n', '下一句']);
  });

  it('reads an English answer with Chinese quotes, a full-width bar and a marker without a quote', () => {
    const { claims } = parseInPieces('The city received 228 applications [[s4.3｜共收到行政复议申请 228 件]]. It was fine [[s4.2]].', 6);
    expect(claims).toEqual([
      { text: 'The city received 228 applications . ', refs: [{ id: 's4.3', quote: '共收到行政复议申请 228 件' }] },
      { text: 'It was fine .', refs: [{ id: 's4.2', quote: '' }] },
    ]);
  });

  it('treats a marker cut off by the end of the output as no citation', () => {
    const { claims } = parseInPieces('共收到行政复议申请228件[[s4.3|共收到', 3);
    expect(claims).toEqual([{ text: '共收到行政复议申请228件', refs: [] }]);
  });
});
