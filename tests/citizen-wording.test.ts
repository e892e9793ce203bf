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
    // Nor across a word of the report: 石狮政府 sounds like 石 + 市政府, but 石狮 is a word.
    expect(soundAlikes.repair('石狮政府那个平台')).toBe('石狮政府那个平台');
    expect(soundAlikes.repair('石狮的市场主题有多少户')).toBe('石狮的市场主体有多少户');
    // 是 of 是不是 asks: 石狮是不是 sounds like 石狮市 + 不是, but it is a question.
    expect(soundAlikes.repair('那个石狮是不是报名了')).toBe('那个石狮是不是报名了');
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
    expect(firstLine(answer.answer)).toBe('纠错率 21.05%。[1]');
  });
});

describe('a question that sets something aside (除了…)', () => {
  it('is answered by the sentence about the rest, not the one about what it sets aside', async () => {
    const answer = await service.ask('除了村里，公共法律服务点还放到了哪些地方？');
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]!.quote).toContain('电商园区');
  });

  it('reads the exclusion off the question only for matching', async () => {
    const { analysis } = await service.retrieve('除了村里，公共法律服务点还放到了哪些地方？');
    expect(analysis.normalized).toContain('除了村里');
    expect(analysis.units.map((u) => u.text)).not.toContain('村里');
  });
});

describe("everyday words for the report's terms", () => {
  it('reads 小店 / 帮忙代办 as the businesses and the assisted service the report names', async () => {
    const answer = await service.ask('开小店的，政府能帮忙代办哪些事？');
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]!.quote).toContain('帮办代办');
  });
});

describe('English function words', () => {
  it('carry no topic: a pronoun, a conjunction or a particle is not a word the answer must hold', async () => {
    const { analysis } = await service.retrieve('If my shop gets fined again, is there anything he can do about it before then?');
    const words = analysis.units.map((u) => u.text);
    for (const w of ['if', 'my', 'again', 'he', 'then']) expect(words).not.toContain(w);
    expect(words.some((w) => w.includes('shop'))).toBe(true);
  });

  it("reads first-level mediators and the national plan in the report's terms", async () => {
    expect(firstLine((await service.ask('How many people became first-level mediators?')).answer)).toContain('5 人');
    expect((await service.ask('Which national plan is Shishi following on rule of law?')).citations[0]?.quote).toContain(
      '法治政府建设实施纲要',
    );
  });

  it('match a vocabulary word in either number (request and requests, every plural listed alone)', () => {
    const reportFor = (user: string) => service.lexicon.glossary.find((e) => e.user === user)?.report ?? [];
    expect(reportFor('requests')).toEqual(expect.arrayContaining(reportFor('request')));
    expect(reportFor('requests')).toContain('申请');
    expect(reportFor('mediator')).toEqual(expect.arrayContaining(reportFor('mediators')));
  });

  it('read the city’s own name as no topic, and city-level as 市级', async () => {
    expect(service.lexicon.glossary.some((e) => e.user === 'shishi')).toBe(false);
    expect(firstLine((await service.ask('Does Shishi have a city-level public legal service center?')).answer)).toBe('Yes.[1]');
  });

  it('still reads the official document number as the document number', async () => {
    const answer = await service.ask('What is the official document number of this report?');
    expect(answer.citations[0]?.id).toBe('header-docno');
  });
});

describe('a question typed without punctuation (voice input), pausing with spaces', () => {
  it('reads each space between Chinese words as the end of a clause, as a comma would be', async () => {
    const spoken = await service.ask('我帮邻居问问 她开了个小店 那几张减免处罚的清单一共帮商家省了多少钱');
    expect(spoken.abstained).toBe(false);
    expect(firstLine(spoken.answer)).toContain('479 万元');
    // The report's own spaces (228 件) still match: a figure with a space is not split from its measure word.
    const figure = await service.ask('行政复议申请一共收到 228 件吗？');
    expect(figure.citations[0]?.id).toBe('s4.3');
  });
});

describe('words about the asker, not the report', () => {
  it('name no topic the answer must hold: who asks for whom (阿伯, 老妈) and why (写论文用, 采访)', async () => {
    const { analysis } = await service.retrieve('写论文用，阿伯想问法律顾问办了多少件法律事务');
    const words = analysis.units.map((u) => u.text);
    for (const w of ['论文', '写论文', '阿伯']) expect(words).not.toContain(w);
  });

  it('leave a question about the report answerable: 我妈, 有点不懂, 我朋友, 挺担心 name no topic', async () => {
    const village = await service.ask('我妈年纪大了有点不懂 村里有没有地方能咨询法律问题');
    expect(village.abstained).toBe(false);
    expect(village.citations[0]?.id).toBe('s7.2');
    const firms = await service.ask('我朋友开了个厂 挺担心的 涉企纠纷一年审结多少件');
    expect(firstLine(firms.answer)).toContain('5500 件');
  });
});

describe('shops and checks in everyday words', () => {
  it('reads 系统 as a platform: the system 复议 is handled on is the 全国行政复议工作平台', async () => {
    expect((await service.ask('复议在网上是用哪个系统办的？')).citations[0]?.quote).toContain('全国行政复议工作平台');
  });

  it('reads 小饭馆 as a business and 查得就少些 as fewer spot checks', async () => {
    const answer = await service.ask('我开了家小饭馆，信用一直不错，是不是查得就少些？');
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]?.quote).toContain('降低抽查频率');
  });

  it('takes 双方 (both sides) as no part of the measured thing: 双方调解和好的比例 is the 调解和解率', async () => {
    expect(firstLine((await service.ask('复议里双方调解和好的比例是多少？')).answer)).toContain('22.37%');
  });

  it('takes 真正 as emphasis, not part of the measured thing (争议真正化解掉的比例 is the 化解率)', async () => {
    expect(firstLine((await service.ask('复议以后争议真正化解掉的比例是多少？')).answer)).toContain('95.61%');
  });

  it('takes 回头 (later, looking back) as a frame word: 回头评估实施效果 is the 后评估', async () => {
    expect(firstLine((await service.ask('规范性文件回头评估实施效果的有几件？')).answer)).toContain('8 件');
  });

  it('takes 先 and 看 in 先请人看 as grammar, not a topic the paragraph must share', async () => {
    const answer = await service.ask('政府开会定大事前有没有先请人看合不合法？');
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]?.quote).toContain('合法性审查');
  });
});

describe('a vocabulary phrase with its 的 moved, or a light word put inside it', () => {
  it('is read whole (手机上办事的平台 as 手机上的办事平台), but a word is not found inside another without its 的', async () => {
    const { placeLightWords } = await import('../src/retrieve/lexicon.js');
    expect(placeLightWords('手机上办事的平台叫什么', service.lexicon)).toBe('手机上的办事平台叫什么');
    expect(placeLightWords('执法人员手上拿的终端', service.lexicon)).toBe('执法人员手上拿的终端');
    // A measure word or 一下 put inside a phrase (咨询个法律问题), but no 的 joining two words (出庭的比例).
    expect(placeLightWords('村里有地方能咨询个法律问题吗', service.lexicon)).toBe('村里有地方能咨询法律问题吗');
    expect(placeLightWords('亲自出庭的比例是多少', service.lexicon)).toBe('亲自出庭的比例是多少');
    const village = await service.ask('村里有地方能咨询个法律问题吗？');
    expect(village.citations[0]?.quote).toContain('村（社区）公共法律服务工作室');
    expect((await service.ask('手机上办事的平台叫什么名字')).citations[0]?.quote).toContain('i 石狮');
  });
});

describe('a figure the citizen heard (听说…)', () => {
  it('is checked against the report, not required of it: the report’s own figure answers', async () => {
    const answer = await service.ask('听说法院审结了6000多件涉企纠纷？到底多少件');
    expect(answer.abstained).toBe(false);
    expect(firstLine(answer.answer)).toContain('5500 件');
  });

  it('gets no yes where the sentence states another figure', async () => {
    const answer = await service.ask('听说行政复议申请有300多件，是真的吗？');
    expect(answer.citations[0]?.quote).toContain('228 件');
    expect(answer.answer).not.toMatch(/^是的|^有。/u);
    // A year the citizen names is still another year the report does not cover.
    expect((await service.ask('听说2022年行政复议申请有300多件？')).abstained).toBe(true);
  });
});

describe('more everyday words for figures and lines of the report', () => {
  it('reads 少掏 as the burden saved, 办公室…印的 as the printing office, and greetings as no topic', async () => {
    expect(firstLine((await service.ask('四张清单算下来帮商家少掏了多少钱？')).answer)).toContain('479 万元');
    expect((await service.ask('这报告是哪个办公室印的？')).citations[0]?.id).toBe('closing-printer');
    const { analysis } = await service.retrieve('您好，我写材料要引用这份报告，它的文号是多少');
    const words = analysis.units.map((u) => u.text);
    expect(words).toContain('文号');
    for (const w of ['您好', '材料', '写材料']) expect(words).not.toContain(w);
  });
});

describe('以后 opening a question', () => {
  it('is the future, answered from the plans (今后), while 复议以后 still means after', async () => {
    expect((await service.ask('以后办事能不能都在网上办？')).citations[0]?.id).toBe('s9.3');
    const { analysis } = await service.retrieve('复议以后还能去法院告吗');
    expect(analysis.units.map((u) => u.text)).not.toContain('今后');
  });
});
