import { beforeAll, describe, expect, it } from 'vitest';
import type { QaService } from '../src/qa-service.js';
import { offlineService } from './helpers.js';

let service: QaService;
beforeAll(async () => {
  service = await offlineService();
});

const firstLine = (text: string) => text.split('\n')[0]!;

describe('a homophone typo that is a real word', () => {
  it("is read as the report's term it sounds like (检查建议 → 检察建议)", async () => {
    const answer = await service.ask('向行政机关提出的检查建议有多少件？');
    expect(answer.abstained).toBe(false);
    expect(firstLine(answer.answer)).toContain('检察建议 43 件');
  });

  it('is repaired only where the written words are not report wording themselves', () => {
    const { soundAlikes } = service.lexicon;
    expect(soundAlikes.repair('只是产权纠纷')).toBe('知识产权纠纷');
    expect(soundAlikes.repair('行政执法检查')).toBe('行政执法检查');
  });
});

describe('a figure of one body', () => {
  it("is not answered with another body's figure of that kind", async () => {
    const answer = await service.ask('金牌调解室的纠错率是多少？');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).not.toContain('21.05');
    expect(answer.answer).toContain('金牌调解室');
  });

  it('is answered where the paragraph names that body', async () => {
    const answer = await service.ask('行政复议的纠错率是多少？');
    expect(firstLine(answer.answer)).toBe('纠错率 21.05%。');
  });
});
