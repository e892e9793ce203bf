import { beforeAll, describe, expect, it } from 'vitest';
import type { QaService } from '../src/qa-service.js';
import { formGrams } from '../src/retrieve/question-words.js';
import { relativeYears } from '../src/retrieve/relative-years.js';
import { offlineService } from './helpers.js';

// Issue 9's mechanisms for everyday questions, each with questions written for this test from the report.
let service: QaService;
beforeAll(async () => {
  service = await offlineService();
});

const read = (question: string) => service.lexicon.intent.read(question);
const firstLine = (text: string) => text.split('\n')[0]!;

describe('a yes/no question', () => {
  it('reads 几 as "a few", not as a number asked for', () => {
    const intent = read('镇里的执法队是不是多招了几个人?');
    expect(intent.yesno).toBe(true);
    expect(intent.expects).not.toContain('count');
    expect(intent.expects).not.toContain('figure');
  });

  it('still asks a number with 多少', () => {
    expect(read('是不是收到了多少件复议申请?').expects).toContain('count');
  });
});

describe('what a question asks for', () => {
  it('哪几个人 / 哪些人 asks for names (a person), which the report gives for none of its mediators', async () => {
    expect(read('评上二级调解员的是哪几个人?').expects).toContain('person');
    const answer = await service.ask('评上二级调解员的是哪些人？');
    expect(answer.abstained).toBe(true);
  });

  it('哪个台 / 什么频道 asks for a place', () => {
    expect(read('法治新闻在什么频道播?').expects).toContain('place');
  });

  it('和谁一起 asks for a partner, not a person’s name', () => {
    expect(read('市政府和谁一起成立了行政争议化解中心?').expects).not.toContain('person');
    expect(read('这份报告是谁签发的?').expects).toContain('person');
  });

  it('English "when" asks a date only as a question word', () => {
    expect(read('did the court hear cases when companies went bankrupt?').expects).not.toContain('date');
    expect(read('when was the report printed?').expects).toContain('date');
  });

  it('a list question about ways (有哪几种办法) does not ask a case’s outcome', () => {
    expect(read('涉企纠纷是怎么处理的,有哪些办法?').kinds.has('outcome')).toBe(false);
  });

  it('time-frame words (一年) carry no subject, so the figure still answers', async () => {
    const answer = await service.ask('检察院一年办了多少件同步监督案件？');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain('28 件');
  });
});

describe('a year named by its distance from the report’s year', () => {
  it('前年 is the year before the report’s own, 大前年 the one before that', () => {
    expect(relativeYears('那前年呢', { 前年: -1, 大前年: -2 }, 2023)).toEqual(['2022']);
    expect(relativeYears('大前年有多少', { 前年: -1, 大前年: -2 }, 2023)).toEqual(['2021']);
  });

  it('is required like a written year: a follow-up about 前年 is not answered with 2023’s figure', async () => {
    const history = [
      { role: 'user' as const, content: '法律顾问办了多少件法律事务？' },
      { role: 'assistant' as const, content: '共办理法律事务 459 件。' },
    ];
    const answer = await service.ask('前年办了多少？', history);
    expect(answer.abstained).toBe(true);
    expect(answer.answer).not.toContain('459');
  });
});

describe('another place the report names', () => {
  it('a figure asked of it is not answered with 石狮’s', async () => {
    const answer = await service.ask('泉州全市的行政机关负责人出庭率是多少？');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).not.toContain('100%');
  });

  it('a sentence that names it still answers', async () => {
    const answer = await service.ask('泉州市级的金牌调解室有几个？');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain('3 个泉州市级金牌调解室');
  });
});

describe('questions about the document itself, in everyday words', () => {
  it('answers who it is for, when it came out and which year it covers from the header and closing lines', async () => {
    const addressee = await service.ask('这份报告是交给谁看的？');
    expect(addressee.citations[0]?.id).toBe('header-addressee');
    expect(addressee.answer).toContain('石狮市人民代表大会常务委员会');
    const date = await service.ask('这个报告什么时候出来的？');
    expect(date.citations[0]?.id).toMatch(/^closing-(?:print-)?date$/u);
    expect(date.answer).toContain('2024年1月15日');
    const year = await service.ask('报告讲的是哪一年的情况？');
    expect(year.citations[0]?.id).toBe('header-title');
    expect(year.answer).toContain('2023年度');
  });
});

describe('everyday phrasings that only look like conditions or lists', () => {
  it('reads 执行不下去 (cannot be enforced) as a verb, not as a negated condition on the count', async () => {
    expect(service.lexicon.intent.conditions('执行不下去的案子有多少件转了破产?')).toEqual([]);
    expect(firstLine((await service.ask('执行不下去的案子，有多少件转去破产审查了？')).answer)).toContain('41 件');
  });

  it('reads 是个什么东西 as asking what a thing is, not for a list', async () => {
    expect(read('知产枫桥是个什么东西？').list).toBe(false);
    const answer = await service.ask('“知产枫桥”是个什么东西？');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain('知产枫桥');
  });
});

describe('names mixing Latin letters and Chinese', () => {
  it('keeps a mixed name whole when weighing what a sentence covers', () => {
    expect(formGrams('i石狮')).toEqual(['i石狮']);
    expect(formGrams('知识产权')).toEqual(['知识', '识产', '产权']);
  });

  it('matches i石狮 as a whole, not as 石狮, which every paragraph names', async () => {
    const answer = await service.ask('石狮政府那个办事用的手机平台叫什么名字？');
    expect(answer.citations[0]?.id).toBe('s3.1');
    expect(answer.answer).toContain('i 石狮');
  });
});

describe('English questions in everyday words', () => {
  it('reads "what %" as asking for a rate, and answers it from the rate of what is asked', async () => {
    expect(read('what % of agency heads showed up in court?').expects).toContain('rate');
    const answer = await service.ask('What % of agency heads showed up in court when they were sued?');
    expect(firstLine(answer.answer)).toContain('出庭率达 100%');
  });
});
