import { beforeAll, describe, expect, it } from 'vitest';
import type { QaService } from '../src/qa-service.js';
import { offlineService } from './helpers.js';

let service: QaService;
beforeAll(async () => {
  service = await offlineService();
});

const firstLine = (text: string) => text.split('\n')[0]!;
/** The first line of the answer to a question: the figure, yes, or the quote it leads with. */
const lead = async (question: string) => firstLine((await service.ask(question)).answer);

/** Each question is declined, and its decline shows nothing `shown` matches (the figure it must not give). */
/** A follow-up asked after an earlier question (the answer to it does not matter here). */
function askAfter(earlier: string, question: string) {
  return service.ask(question, [
    { role: 'user', content: earlier },
    { role: 'assistant', content: '……' },
  ]);
}

async function expectDeclined(questions: string[], shown: RegExp) {
  for (const question of questions) {
    const answer = await service.ask(question);
    expect(answer.abstained, question).toBe(true);
    expect(answer.answer, question).not.toMatch(shown);
  }
}

describe('what a question asks for', () => {
  it('reads 哪几项 as a list, 多久 as a duration, 多少钱 as money, 在哪里 as a place, …了吗 as yes/no', async () => {
    const kinds = async (q: string) => (await service.retrieve(q)).analysis.intent;
    expect((await kinds('存在的问题有哪几项？')).list).toBe(true);
    expect((await kinds('存在的问题有哪几项？')).expects).not.toContain('count');
    expect((await kinds('复议一般要多久？')).expects).toEqual(['duration']);
    expect((await kinds('How many working days does a reconsideration take?')).expects).toEqual(['duration']);
    expect((await kinds('买执法终端花了多少钱？')).expects).toEqual(['money']);
    expect((await kinds('化解中心在哪里？')).expects).toEqual(['place']);
    expect((await kinds('负责人都出庭了吗？')).yesno).toBe(true);
    expect((await kinds('“谁执法谁普法”评议组织了多少个单位？')).expects, 'a quoted name is not a question word').toEqual(['count']);
  });
});

describe('answers lead with what was asked', () => {
  it('opens with the clause that holds the figure, then the verbatim quote', async () => {
    const answer = await service.ask('行政复议的纠错率是多少？');
    expect(answer.abstained).toBe(false);
    // The fact, tied to the citation it rests on; the section path is on the citation, not in front of the fact.
    expect(firstLine(answer.answer)).toBe('纠错率 21.05%。[1]');
    expect(answer.answer).not.toContain('完善行政复议机制');
    expect(answer.answer.split('\n')[1]).toBe(`报告原文：${answer.citations[0]!.quote.replace(/；$/u, '。')}[1]`);
    expect(answer.citations[0]!.quote).toContain('纠错率 21.05%');
  });

  it('picks the figure next to the thing asked about, not the first figure of the sentence', async () => {
    const answer = await service.ask('行政复议决定作出后，有多少件又告到了法院？');
    expect(firstLine(answer.answer)).toContain('10 件');
    expect(firstLine(answer.answer)).not.toContain('228');
  });

  it('counts the members of a group the question names only as a group', async () => {
    const answer = await service.ask('那个“蒲公英”队伍现在有多少人了？');
    expect(firstLine(answer.answer)).toBe('吸纳志愿者1037名。[1]');
  });

  it("reads an everyday verb (held) as the report's own verb for holding activities (开展)", async () => {
    const answer = await service.ask('How many law lectures were held in 2023?');
    expect(answer.abstained).toBe(false);
    expect(firstLine(answer.answer)).toContain('100余场次');
  });

  it('answers a yes/no question with yes in its own form when the sentence supports it', async () => {
    const answer = await service.ask('不动产登记信息可以在网上查吗？');
    expect(answer.abstained).toBe(false);
    expect(firstLine(answer.answer)).toBe('可以。[1]');
    expect(answer.citations[0]!.quote).toContain('网上自助查询');
  });

  it('gives no yes when the sentence does not hold the title the question asks about', async () => {
    // The closest sentence is about another award (泉州's 双十佳案例): it may be quoted, never confirmed.
    const answer = await service.ask('石狮已经被评为全国法治政府建设示范市了吗？');
    expect(firstLine(answer.answer)).not.toMatch(/^(?:是的|有|可以|会)。/u);
  });

  it('gives no yes when the sentence names the title only as an aim (争创, 创建), and still does for a fact', async () => {
    for (const question of ['石狮是全国法治政府建设示范市吗？', '石狮现在算不算全国法治政府建设示范市？']) {
      const answer = await service.ask(question);
      expect(firstLine(answer.answer), question).not.toMatch(/^(?:是的|有|可以|会)。/u);
    }
    expect(await lead('石狮有没有公共法律服务中心？')).toBe('有。[1]');
  });

  it('answers whether Shishi has won the title with where the report says it stands (nominated), never with a yes', async () => {
    const answer = await service.ask('石狮现在评上全国法治政府建设示范市了没有？');
    expect(answer.citations[0]?.id).toBe('s2.p1');
    expect(answer.citations[0]?.quote).toContain('参评');
    expect(firstLine(answer.answer)).not.toMatch(/^(?:是的|有|可以|会)。/u);
  });

  it('answers when an event happened only from a sentence about that event (哪天公布的 is not 11 月 of the nomination)', async () => {
    await expectDeclined(['推荐参评示范市是哪天公布的？'], /11 月/u);
    expect(await lead('述法评议会是几月开的？')).toContain('11 月');
  });

  it('gives no plain yes when the sentence says something is lacking', async () => {
    const answer = await service.ask('镇街综合执法队伍的人员有没有专业执法经验？');
    expect(answer.abstained).toBe(false);
    expect(firstLine(answer.answer)).not.toMatch(/^(有|是的|可以)。/u);
    expect(answer.citations.map((c) => c.quote).join('')).toContain('缺乏专业执法经验');
  });

  it('quotes every item of an enumeration, in document order, each with its own span', async () => {
    const answer = await service.ask('报告里承认还存在哪些问题？');
    expect(answer.citations.map((c) => c.quote.slice(0, 2))).toEqual(['一是', '二是', '三是']);
    expect(new Set(answer.citations.map((c) => c.id))).toEqual(new Set(['s8.p1']));
    const starts = answer.citations.map((c) => c.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const c of answer.citations) expect(c.text.slice(c.start, c.end)).toBe(c.quote);
  });
});

describe('a question for what something is', () => {
  it('quotes the sentence that says what the term is (its items listed before it), not one naming it in a title', async () => {
    const answer = await service.ask('“四张清单”到底指什么？');
    expect(answer.citations[0]?.quote).toContain('不予处罚、减轻处罚、从轻处罚、不予行政强制措施');
    expect(answer.citations[0]?.quote).not.toContain('《');
  });
});

describe('everyday frame words', () => {
  it('does not hold a question to words that only frame it (地方, 途径, 遇到): the report need not use them', async () => {
    const question = '遇到行政争议有什么途径化解？';
    const words = (await service.retrieve(question)).analysis.units.map((u) => u.text);
    expect(words).not.toContain('途径');
    expect(words).not.toContain('遇到');
    expect((await service.ask(question)).abstained).toBe(false);
    expect((await service.ask('村里有没有地方能找法律服务？')).citations[0]?.quote).toContain('村（社区）公共法律服务工作室');
    // What the frame asks for is still asked: an address the report does not give is declined.
    expect((await service.ask('律所在什么地方？')).abstained).toBe(true);
  });
});

describe('where a question asks in what respect', () => {
  it('reads 哪里做得不好 as asking what falls short, not where, and 觉得/这块 as frame words', async () => {
    const answer = await service.ask('政府有没有承认自己哪里还做得不够？');
    expect(answer.abstained).toBe(false);
    expect(answer.citations[0]?.id).toBe('s8.p1');
    expect((await service.retrieve('政府觉得法治这块还有哪些不足？')).analysis.units.map((u) => u.text)).not.toContain('块');
  });
});

describe('the noun a list question asks its items as (有哪些做法)', () => {
  it('need not be in the answering sentence: the measures about the subject answer, not a sentence that says 举措', async () => {
    const answer = await service.ask('知识产权纠纷一般怎么解决，有哪些做法？');
    expect(answer.citations[0]?.quote).toContain('驻点办公、定向指导、巡回审判、就地调解');
    // A sentence that does name it may still answer (65 个功能模块).
    expect((await service.ask('i石狮上面都有什么功能？')).citations[0]?.quote).toContain('功能模块');
  });
});

describe('a question about the report’s parts as a whole', () => {
  const ids = async (q: string) => (await service.ask(q)).citations.map((c) => c.id);
  it('lists the headings of the parts asked: a range, the first or last ones, or all of them', async () => {
    expect(await ids('报告前两部分的标题是什么？')).toEqual(['s1', 's2']);
    expect(await ids('第三到第五部分分别讲什么？')).toEqual(['s3', 's4', 's5']);
    expect(await ids('What are the last two sections of the report?')).toEqual(['s8', 's9']);
    // Parts named one by one, not as a range (第二和第五, not 二 to 五); one part in English.
    expect(await ids('第二和第五部分的标题分别是什么？')).toEqual(['s2', 's5']);
    expect(await ids('What is the title of part six of the report?')).toEqual(['s6']);
    const all = await service.ask('这份报告一共分几个部分？');
    expect(firstLine(all.answer)).toBe('报告正文分为9个部分：');
    expect(all.citations.map((c) => c.id)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9']);
    for (const c of all.citations) expect(c.text.slice(c.start, c.end)).toBe(c.quote);
  });

  it('quotes the one heading asked, and leaves which-part questions to the part they name', async () => {
    expect((await service.ask('报告最后一部分讲的是什么？')).answer).toBe('九、2024年工作思路[1]');
    expect(await ids('讲依法行政制度体系的是第几部分？')).toEqual(['s4']);
  });
});

describe('a list asked of a whole part of the report', () => {
  it('lists the sub-parts of the part the question names, each cited by its own title sentence', async () => {
    // 哪几件大事 asks the items too: 大事 is not 重大事项 here.
    expect((await service.ask('2024年法治方面政府准备干哪几件大事？')).citations.map((c) => c.id)).toEqual([
      's9.1',
      's9.2',
      's9.3',
      's9.4',
    ]);
    const plans = await service.ask('明年打算做哪几件事？');
    expect(plans.citations.map((c) => c.id)).toEqual(['s9.1', 's9.2', 's9.3', 's9.4']);
    expect(firstLine(plans.answer)).toBe('报告列出4项：');
    for (const c of plans.citations) expect(c.text.slice(c.start, c.end)).toBe(c.quote);
    const system = await service.ask('依法行政制度体系包括哪几个方面？');
    expect(system.citations.map((c) => c.id)).toEqual(['s4.1', 's4.2', 's4.3']);
    // 哪几块 asks for the parts, even where a sub-part's own items would answer a question about it.
    const enforcement = await service.ask('报告讲执法那部分都做了哪几块？');
    expect(enforcement.citations.map((c) => c.id)).toEqual(['s5.1', 's5.2', 's5.3']);
  });

  it('reads 几件事 as the count asked, and the title’s words (法治) as what every part is about', async () => {
    const question = '法治方面明年重点干哪几件事？';
    expect((await service.retrieve(question)).analysis.units.map((u) => u.text)).not.toContain('几件事');
    const plans = await service.ask(question);
    expect(plans.citations.map((c) => c.id)).toEqual(['s9.1', 's9.2', 's9.3', 's9.4']);
  });
});

describe('a message that asks several things', () => {
  it('answers each ask told in the paragraph it cites, each with its own quote', async () => {
    const answer = await service.ask('规范性文件清理时废止了多少件？实施后评估了多少件？');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain('19 件');
    expect(answer.answer).toContain('8 件');
    expect(answer.citations.map((c) => c.quote).join('')).toContain('后评估 8 件');
  });

  it('stays declined when the first ask is not answered, whatever the second one finds', async () => {
    const answer = await service.ask('“蒲公英”普法志愿者怎么报名？要交钱吗？');
    expect(answer.abstained).toBe(true);
  });
});

describe('a year the question names', () => {
  it('is declined as another year when the report has nothing on it, but not 2024, of which a whole part speaks', async () => {
    expect((await service.ask('2019年出台了几个规范性文件？')).answer).toContain('没有找到2019年的相关内容');
    const plans = await service.ask('How many reconsideration cases in 2024?');
    expect(plans.abstained).toBe(true);
    expect(plans.answer).not.toContain('nothing on 2024');
    expect((await service.ask('What is the main goal for 2024?')).citations[0]?.quote).toContain('全国法治政府建设示范市');
  });
});

describe('near misses are declined, saying what the report lacks', () => {
  it('declines a duration the report does not give for that subject, naming the section it does speak of', async () => {
    const answer = await service.ask('申请行政复议一般多久能出结果？');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toContain('所需时间');
    expect(answer.answer).toContain('行政复议');
    expect(answer.answer).not.toMatch(/\d+\s*天/u);
  });

  it('declines an amount of money where the report gives only a count', async () => {
    const answer = await service.ask('给执法单位配的移动终端一共花了多少钱？');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toContain('金额');
  });

  it("does not give the report contact's phone for a hotline's: the word naming the asked kind (电话) is not the subject", async () => {
    for (const q of ['法律服务热线的电话是多少', '法律服务热线号码是多少？']) {
      const hotline = await service.ask(q);
      expect(hotline.abstained, q).toBe(true);
      expect(hotline.answer).not.toMatch(/\d{7,}/u);
    }
    // The report's own contact line still answers for its phone.
    const contact = await service.ask('报告联系人的电话是多少？');
    expect(contact.citations[0]?.id).toBe('closing-contact');
  });

  it('reads 顾问费多少 as asking money, and declines it where the report gives only counts', async () => {
    const fee = await service.ask('市政府法律顾问的顾问费一年多少？');
    expect(fee.abstained).toBe(true);
    expect(fee.answer).toContain('金额');
  });

  it('declines what was done to counted things when the figure counts something else (采纳了多少 of 检察建议)', async () => {
    const adopted = await service.ask('这43件检察建议行政机关采纳了多少呢');
    expect(adopted.abstained).toBe(true);
    expect(adopted.answer).not.toContain('68');
    // 一共建了多少个: 一共 asks for the total, 共建 is no word of it.
    const { analysis } = await service.retrieve('村里的公共法律服务工作室一共建了多少个？');
    expect(analysis.units.map((u) => u.text)).not.toContain('共建');
  });

  it('tells what was added only when that is asked: 新配的…有几个 is 新配备 13 名, 现在总共有多少个编制 is not 核增 27 名', async () => {
    expect(firstLine((await service.ask('新配的法制审核员一共有几个？')).answer)).toContain('13 名');
    expect((await service.ask('镇街综合执法队现在总共有多少个编制？')).abstained).toBe(true);
  });

  it('lists the items of a counted name only where the report lists them by it (四张清单 yes, 三项制度 no)', async () => {
    expect((await service.ask('四张清单具体是哪四张？')).citations[0]?.quote).toContain('不予处罚、减轻处罚、从轻处罚、不予行政强制措施');
    expect((await service.ask('说有三个平台，是哪三个？')).citations[0]?.quote).toContain('实体、热线、网络三大平台');
    for (const q of ['行政执法三项制度是哪三项？', '“六个一”工作机制是哪六个一？']) {
      const answer = await service.ask(q);
      expect(answer.abstained, q).toBe(true);
      expect(answer.answer).toContain('清单');
    }
  });

  it('answers a rate only with the rate named: 输的比例 is the 败诉率, which the report does not give (not 出庭率 100%)', async () => {
    for (const q of ['告政府的官司 政府输的比例是多少', '民告官 输的比例多少']) {
      const answer = await service.ask(q);
      expect(answer.abstained, q).toBe(true);
      expect(answer.answer).not.toContain('100%');
    }
    expect(firstLine((await service.ask('负责人出庭的比例是多少？')).answer)).toContain('100%');
  });

  it('declines a figure asked per item where the report gives a total (一家企业能拿多少, 一件专利能补多少)', async () => {
    for (const q of ['一家企业能拿多少奖补资金？', '专利补助一件专利能补多少钱？']) {
      const answer = await service.ask(q);
      expect(answer.abstained, q).toBe(true);
      expect(answer.answer).not.toMatch(/13\.25|190/u);
    }
    // The total itself still answers.
    expect(firstLine((await service.ask('专利补助一共发了多少钱？')).answer)).toContain('190 多万元');
  });

  it('counts a part of a stated figure in the same measure: 5500件里…占多少 is not told by 标的金额 19.64 亿元', async () => {
    const answer = await service.ask('审结的5500件里面民营企业的占多少');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).not.toContain('19.64');
  });

  it('does not answer a part of a figure with the figure itself', async () => {
    const answer = await service.ask('228件行政复议申请里，涉及交通处罚的有多少件？');
    expect(answer.abstained).toBe(true);
  });

  it('does not give a total over several listed kinds as the figure for one of them', async () => {
    const one = await service.ask('只算从轻处罚的话，办了多少件案子？');
    expect(one.abstained).toBe(true);
    expect(one.answer).not.toContain('5987');
    const all = await service.ask('用四张清单办的案件一共多少件？');
    expect(firstLine(all.answer)).toContain('5987 件');
  });

  it('finds what the counted things had after the figure (5 件规范性文件存在漏报备案情形)', async () => {
    const answer = await service.ask('发文检查中漏报备案的有多少件？');
    expect(firstLine(answer.answer)).toContain('5 件');
  });

  it('reads a numeral the question writes as part of a name, not as the answer', async () => {
    const answer = await service.ask('四张清单一共有多少项？');
    expect(firstLine(answer.answer)).toContain('662 项');
  });

  it('tells how many people only by a figure of people or of what people bring, and never by what was added', async () => {
    const team = await service.ask('镇里的综合执法队伍有多少人？');
    expect(team.abstained).toBe(true);
    expect(team.answer).not.toMatch(/131|27 名/u);
    const applicants = await service.ask('有多少人申请了行政复议？');
    expect(firstLine(applicants.answer)).toContain('228 件');
  });

  it('gives no figure of another clause for what the question says was done (罚了多少钱 is not 减轻负担 479 万元)', async () => {
    // The sentence says 处罚 and 败诉, but of other figures: 479 万元 is the burden lifted, 4 件 the disputes resolved.
    await expectDeclined(['处罚企业一共罚了多少钱？', '打行政官司政府输了几件？'], /479|4 件/u);
    // What was done, said in the figure's own clause, is still answered.
    expect(await lead('行政争议化解中心化解了几件？')).toContain('4 件');
    expect(await lead('四张清单用上以后，企业的负担减轻了多少钱？')).toContain('479 万元');
  });

  it('reads 那几家 / 十几万 / 那几十件 as figures the question points back at, not as answers or asks', async () => {
    // 十几万户 is the 近 17 万户 the question asks a part of; 那几个 调解室 are counted in 个, the question asks 件.
    await expectDeclined(['市场主体那十几万户里，有多少是外地人开的？', '那几个县级金牌调解室去年调解了多少件纠纷？'], /17 万户|17 个/u);
    // 那几家 points at 走访被处罚企业 8 家: their names are asked, and the report gives only the count.
    const visited = await service.ask('走访的那几家企业叫什么名字？');
    expect(visited.abstained).toBe(true);
    expect(visited.answer).not.toContain('8 家');
    // A part asked of a figure someone said (听说…好几千件…其中) is still a part: 5500 件 is the whole.
    await expectDeclined(['听说法院审了好几千件企业的官司，其中民营企业的有多少件？'], /5500/u);
    // A figure someone else said (听朋友说…两百多件) is a claim to check: the report's own figure answers.
    expect(await lead('听朋友说复议申请有两百多件，准确是多少？')).toContain('228 件');
    const units = (await service.retrieve('听朋友说复议申请有两百多件，准确是多少？')).analysis.units.map((u) => u.text);
    expect(units).not.toContain('两百');
  });

  it('reads the counted thing before a closing 的 when the word after it only names a kind (…上台讲依法办事的情况)', async () => {
    expect(await lead('到年底有多少个单位的一把手上台讲依法办事的情况？')).toContain('53 名');
  });

  it('declines a figure about something the sentence does not count', async () => {
    const answer = await service.ask('“蒲公英”普法志愿者里有多少名律师？');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).not.toContain('1037');
  });

  it('does not answer one kind of a thing with another kind the report tells apart (检察建议 is not 司法建议)', async () => {
    await expectDeclined(['检察建议有多少条被采纳了？'], /18/u);
    // The kind the sentence does tell is still answered, and so is the one asked in its own sentence.
    expect(await lead('有多少份司法建议被采纳？')).toContain('18 份');
    expect(await lead('检察机关提了多少件检察建议？')).toContain('43 件');
  });

  it('answers a figure under a negated condition only from a sentence that states the condition', async () => {
    // Those who failed are not all who were rated; decisions not carried out are not all applications.
    await expectDeclined(['专题述法评议会上有多少个负责人没通过评议？', '有多少件复议决定没有履行？'], /53|228/u);
    // The report's own word of lack (漏报备案) states 没报备; a polar form (会不会, 有没有) is no condition.
    expect(await lead('有几件规范性文件没报备？')).toContain('5 件规范性文件');
    expect(await lead('有没有统计过一共收到多少件行政复议申请？')).toContain('228 件');
  });

  it('does not give the count of what was not done (漏报备案 5 件) for how many were done', async () => {
    const done = await service.ask('各局和乡镇向市政府备案的规范性文件有几件？');
    expect(firstLine(done.answer)).toContain('27 件');
    expect(done.answer).not.toContain('漏报');
    // Nor as a count of documents someone reviewed.
    const reviewed = await service.ask('法律顾问一年审查了多少份文件？');
    expect(reviewed.answer).not.toContain('5 件');
  });

  it("gives no other body's figure for a body that is the subject of the question", async () => {
    await expectDeclined(['派出所调解了多少纠纷？'], /5500/u);
    // The body's own paragraph still answers what it tells.
    expect(await lead('司法局培育了几个金牌调解室？')).toContain('3 个泉州市级金牌调解室');
    // A thing that is that body's by name (司法建议: 法院的建议) is answered where it is told, the body named there or not.
    expect(await lead('法院一共发出了几份司法建议？')).toContain('18 份');
  });

  it('reads a figure the question states roughly in words (那一百多场里) as the one it asks a part of', async () => {
    await expectDeclined(
      ['“四张清单”处理的那五千多件案子，有几件是直接免罚的？', '“法治讲堂”那一百多场里，有几场是进学校的？'],
      /764|100余|5987|662/u,
    );
  });

  it('asks for the names when a question quotes a count and asks which ones (哪4个, 都叫什么), and declines where the report gives only the count', async () => {
    for (const question of ['存在漏报备案的是哪4个单位？', '那14件规范性文件分别叫什么？']) {
      const answer = await service.ask(question);
      expect(answer.abstained, question).toBe(true);
      expect(answer.answer, question).toContain('清单');
    }
  });

  it('counts a group (商户) by how many there are, never by an amount of money next to its name', async () => {
    const answer = await service.ask('石狮大概有多少商户？');
    expect(firstLine(answer.answer)).toContain('17 万户');
    expect(answer.answer).not.toContain('479');
  });

  it('reads 多少补贴/贷款 and a heard amount in 亿 (十几个亿，准确是多少) as asking money, not a count of modules', async () => {
    for (const question of ['企业在i石狮平台上一共拿到了多少补贴？', '听说奖补直达发了十几个亿，准确是多少']) {
      const first = await lead(question);
      expect(first, question).toContain('13.25 亿元');
      expect(first, question).not.toContain('65 个');
    }
    // A list asked of a stated amount (那190多万元…发给了哪些企业) is still a list question.
    await expectDeclined(['那190多万元专利补助都发给了哪些企业？'], /11\.2/u);
  });

  it('reads 通过 and 提供 as grammar (通过哪些渠道提供), not as words the answer must hold', async () => {
    expect((await service.ask('法律服务通过哪些渠道提供给老百姓？')).citations[0]?.id).toBe('s7.2');
  });

  it('does not count a part of the things pointed back at (…的那些最后有几家) by the figure of those things', async () => {
    await expectDeclined(['执行案件转去破产审查的那些，后来有几家真的破产了？'], /41/u);
    expect(await lead('执行案件转去破产审查的有几件？')).toContain('41 件');
  });

  it('quotes what a sub-part does, not only its title, when no later sentence shares the question’s words', async () => {
    const answer = await service.ask('明年数字政府建设具体打算怎么做？');
    expect(answer.citations[0]?.quote).toContain('移动端');
    expect(answer.citations[0]?.quote).not.toMatch(/^（三）/u);
  });

  it('lists every 一是…二是… clause when the parts of what a sub-part’s title names are asked (营商环境…做了哪几方面)', async () => {
    const answer = await service.ask('法治化营商环境方面做了哪几方面的工作？');
    expect(answer.answer.split('\n')[0]).toBe('报告列出4项：');
    expect(answer.citations.map((c) => c.quote.slice(0, 2))).toEqual(['一是', '二是', '三是', '四是']);
    // One aspect asked (审计都查了哪些方面) is still answered from its own clause.
    expect((await service.ask('对领导的审计都查了哪些方面？')).citations).toHaveLength(1);
  });

  it('answers a list of documents (出了哪些文件, 发了哪几个通知) from a sentence that names them in 《》', async () => {
    const answer = await service.ask('执法这块去年发了哪几个通知？');
    expect(answer.citations[0]?.id).toBe('s5.2');
    expect(answer.citations[0]?.quote).toContain('《');
  });

  it('defines a counted name (什么叫四张清单) by the sentence that lists its items by it', async () => {
    const answer = await service.ask('什么叫四张清单？');
    expect(answer.citations[0]?.quote).toContain('不予处罚、减轻处罚、从轻处罚、不予行政强制措施“四张清单”');
  });

  it('reads 是几月份 / 是哪年几月的事 as asking when, with no event word in 份 or 的事', async () => {
    expect(await lead('石狮被推荐参评全国示范是几月份？')).toContain('2023 年 11 月');
    expect(await lead('述法评议会那个事是哪年几月的事？')).toContain('2023 年 11 月');
  });

  it('takes the date from the sentence about the asked event, not from an earlier one about its notice', async () => {
    const answer = await service.ask('领导干部的述法评议会是几月份开的？');
    expect(firstLine(answer.answer)).toContain('11 月');
    expect(firstLine(answer.answer)).not.toContain('5 月');
  });

  it('does not count a part (企业) by the figure of the whole it is asked of (市场主体里…)', async () => {
    await expectDeclined(['市场主体里企业有多少家？', '石狮的市场主体里，企业有多少家？'], /17 万户/u);
    expect(await lead('石狮有多少市场主体？')).toContain('17 万户');
  });

  it('declines why-questions the report gives no reason for, and answers one whose sentence states its purpose', async () => {
    await expectDeclined(['行政复议纠错率为什么这么高？'], /21\.05/u);
    expect((await service.ask('行政复议纠错率为什么这么高？')).answer).toContain('原因');
    expect(await lead('为什么要成立网络电商巡回法庭？')).toContain('提供');
  });

  it('reads a word the segmenter splits before a measure word (律 / 所) as the thing asked for, and declines it', async () => {
    await expectDeclined(['法律顾问是哪家律所的？'], /3 名/u);
    expect((await service.ask('法律顾问是哪家律所的？')).answer).toContain('律所');
  });

  it('asks where for 在哪几个镇, and names for 那N个…叫什么名字, declining what the report only counts', async () => {
    await expectDeclined(['公共法律服务工作站在哪几个镇？'], /9 个镇/u);
    await expectDeclined(['那27件备案的文件叫什么名字？', '那3个泉州市级金牌调解室叫什么名字？'], /27 件|枫桥/u);
    // What N things say (那12条措施具体讲的什么) asks their items too: the report only counts them.
    await expectDeclined(['法院那12条措施具体讲的什么？'], /12 条/u);
    // Names asked of people (一级调解员的都叫什么): a count of them is no name.
    await expectDeclined(['省里评的一级调解员的都叫什么？'], /5 人/u);
  });

  it('answers who did something with the role the report names, but not a name it does not give', async () => {
    expect(await lead('市委全面依法治市委员会会议是谁主持的？')).toContain('市委主要领导');
    expect(await lead('讲法治课的是谁？')).toContain('市政府主要领导');
    // 哪位领导 asks which leader: the role the report names answers (it names no person).
    expect(await lead('法治课是哪位领导讲的？')).toContain('市政府主要领导');
    // 谁给…讲的 asks who did it, as 是谁主持的 does.
    expect(await lead('是谁给市政府领导讲的法治课？')).toContain('市政府主要领导');
    // 是哪位 asks to name one: a name after its label (联系人: 王丹蓉) names one.
    expect((await service.ask('这份报告的联系人是哪位？')).answer).toContain('王丹蓉');
    await expectDeclined(['市长叫什么名字？', '市长是谁？'], /主要领导/u);
  });

  it('answers whether and where the report covers a subject with the heading of its part', async () => {
    const cites = async (q: string) => (await service.ask(q)).citations[0]?.id;
    expect(await cites('讲依法行政制度体系的是第几部分？'), 'a part, not a figure').toBe('s4');
    expect(await cites('报告里有没有讲党对法治政府建设的领导？')).toBe('s1');
    // 专门/单独 say how, not what: the heading about the subject still answers.
    expect(await cites('报告有没有单独讲执法？')).toBe('s5');
    expect(await cites('报告里有没有单独一块讲存在的问题？'), '一块 says how the subject is covered').toBe('s8');
    // 甚麼 is the older spelling of 什么 (Hong Kong, Taiwan).
    expect((await service.ask('報告第四部分講甚麼？')).answer).toContain('四、不斷完善依法行政制度體系');
    expect(await cites('报告里有没有专门讲社会治理？')).toBe('s7');
    expect(await cites('What is part five of the report about?')).toBe('s5');
    expect(await cites('Does the report say anything about its plans for 2024?')).toBe('s9');
  });

  it('counts people by a figure in tens of thousands (2 万名), reads 哪几年 as which years, and finds the closing line', async () => {
    expect(await lead('入学一件事给多少人提供了线上报名？')).toContain('2 万名');
    expect(await lead('法治政府建设实施纲要管的是哪几年？')).toContain('2021—2025');
    expect((await service.ask('报告结尾那句话是什么？')).citations[0]?.id).toBe('closing-statement');
  });

  it('reads a report name holding a question word (谁执法谁普法) as a name, and 多少钱给企业 as asking the money', async () => {
    expect(await lead('谁执法谁普法评议活动有几个执法单位参加？')).toContain('24个');
    expect(await lead('政府发了多少钱给企业当专利补助？')).toContain('190 多万元');
  });

  it('reads the measured thing before 的比例 (输掉的比例), 在哪个地方 as a place, and 是哪一家 as asking for a name', async () => {
    // 败诉 (lost) is not 化解 (settled): the report gives no share of cases lost.
    await expectDeclined(['政府打官司输掉的比例是多少？'], /95\.61/u);
    expect(await lead('负责人出庭的比例是多少？')).toContain('100%');
    await expectDeclined(['网络电商巡回法庭在哪个地方？'], /28 天/u);
    // Which firm: the sentence names the problem (会计师事务所挂名执业), not the firm.
    await expectDeclined(['挂名执业的会计师事务所是哪一家？'], /18 份/u);
    expect(await lead('行政复议是在哪个平台上办的？')).toContain('全国行政复议工作平台');
  });

  it('gives no figure from a sentence that shares only everyday words with the question, none of its report terms', async () => {
    // 国家 is in 国家机关普法责任清单 (2023年); the 纲要 the question names is not in that sentence.
    await expectDeclined(['国家法治政府建设纲要是哪几年的？'], /2023年石狮/u);
  });

  it('reads free before what is wanted (free legal advice, 免费问) as a wish, not as asking the fee; 免费吗 asks it', async () => {
    const where = await service.ask('Where can I get free legal advice?');
    expect(where.abstained).toBe(false);
    expect(where.citations[0]?.id).toBe('s7.2');
    await expectDeclined(['公共法律服务工作站咨询免费吗？', 'Is the legal service hotline free?'], /\d/u);
  });

  it('answers where to go for a service with the places the report names, and still declines an address', async () => {
    for (const question of ['去哪里能咨询法律问题？', 'Where can I get legal advice in Shishi?']) {
      const answer = await service.ask(question);
      expect(answer.abstained, question).toBe(false);
      expect(answer.citations[0]?.quote, question).toContain('公共法律服务中心');
    }
    await expectDeclined(['行政争议联动协调化解中心在哪里？'], /4 件/u);
  });

  it('counts things by a figure of things, not of times (多少家 is not 25 次), also in a follow-up', async () => {
    const answer = await askAfter('部门联合双随机抽查搞了几次？', '那一共抽查了多少家？');
    expect(firstLine(answer.answer)).toContain('1011');
    expect(firstLine(answer.answer)).not.toContain('25 次');
  });

  it('reads English: how many people counts persons; a when-clause opening a yes/no question does not ask a date', async () => {
    expect(await lead('How many people volunteer in the Dandelion legal education team?')).toContain('1037');
    expect(await lead('How many people went on to sue in court after the reconsideration decision?')).toContain('10 件');
    const court = await service.ask('When citizens sue the government, do the officials really appear in court?');
    expect(court.abstained).toBe(false);
    expect(court.answer).toContain('100%');
    expect((await service.ask('这份报告是哪个单位出的？')).citations[0]?.id).toBe('header-issuer');
  });

  it('reads a numeral inside a quoted name (“四张清单”) as part of the name, 多少条事项 as a count of items, and 2023 版 as a year', async () => {
    const items = await service.ask('不罚轻罚的那些清单一共列了多少条事项？');
    expect(firstLine(items.answer)).toContain('662 项');
    const edition = await service.ask('联合抽查事项清单是哪一年的版本？');
    expect(firstLine(edition.answer)).toContain('2023 版');
  });

  it('reads 那几张/这几个 as pointing back, not as the ask, when the question asks later (…省了多少钱)', async () => {
    expect(await lead('这几张从轻减轻的清单一共帮商户省了多少钱？')).toContain('479 万元');
  });

  it('reads English words for the model-city campaign and the provincial on-site check', async () => {
    const answer = await service.ask("Has Shishi passed the province's on-site check for the model city?");
    expect(answer.citations[0]?.id).toBe('s2.p1');
    expect(answer.citations[0]?.quote).toContain('实地测评');
  });

  it('reads how much financing as money (in 元), not as a count (65 个 modules)', async () => {
    const answer = await service.ask('How much financing did small firms get through the city app?');
    expect(firstLine(answer.answer)).toContain('12.4 亿元');
    expect(firstLine(answer.answer)).not.toContain('65 个');
  });

  it('counts a kind the report tells apart (知识产权的案子) only where that kind is said, not by 涉企纠纷 5500 件', async () => {
    await expectDeclined(['知识产权方面的案子法院一共审结了多少件？'], /5500/u);
    expect(await lead('企业的纠纷法院审结了多少件？')).toContain('5500 件');
    expect(await lead('专利的案子立案了几件？')).toContain('7 件');
  });

  it('reads a closing clause that asks nothing as an aside (我要引用一下, 好像二十多), not as words the answer must hold', async () => {
    expect(await lead('报告的文号是多少，我要引用一下')).toContain('狮政综〔2024〕8号');
    // A rough figure the citizen guesses at (好像二十多) is not a figure they refer to, as 那一百多场里 is.
    expect(await lead('复议纠错率是多少，好像二十多吧')).toContain('21.05%');
  });

  it('counts 没过关 as a condition the answer must state (53 名 were rated, not failed)', async () => {
    await expectDeclined(['述法评议的时候有几个领导没过关？'], /53 名/u);
  });

  it('reads 法律顾问 as the advisers of government bodies the report names (s6.2), not as public legal services', async () => {
    const answer = await service.ask('各个镇是不是都配了法律顾问？');
    expect(answer.citations[0]?.id).toBe('s6.2');
    expect(answer.citations[0]?.quote).toContain('法律顾问配备全覆盖');
  });

  it('asks, in a follow-up that names no kind of fact, what the earlier question asked (a count, not what was not done)', async () => {
    const answer = await askAfter('市政府去年出了几个规范性文件？', '那各部门和镇街报上来备案的呢？');
    expect(firstLine(answer.answer)).toContain('27 件');
    expect(answer.answer).not.toContain('漏报');
  });

  it('declines questions about another city', async () => {
    const answer = await service.ask('晋江市去年收到多少件行政复议申请？');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toContain('晋江');
    expect(answer.answer).not.toContain('228');
  });

  it('declines an address, since the report gives none', async () => {
    const answer = await service.ask('行政争议联动协调化解中心的地址在哪里？');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toContain('地址');
  });
});
