import type { EvidenceKind } from '../corpus/question-cues.js';

/** What a decline says is missing, per kind of question. */
const KINDS_ZH: Record<EvidenceKind | 'list' | 'name', string> = {
  list: '具体清单',
  name: '具体名称',
  count: '具体数量',
  figure: '具体数字',
  rate: '比例',
  money: '金额',
  fee: '收费情况',
  duration: '所需时间',
  date: '日期',
  year: '年份',
  time: '具体时间',
  web: '网址',
  breakdown: '分项数字',
  phone: '电话',
  person: '姓名',
  agent: '由谁负责',
  place: '地址或位置',
  venue: '可以去的服务场所',
  procedure: '办理流程或所需材料',
  outcome: '结果',
  reason: '原因',
  ranking: '排名或比较',
  growth: '新增或变化的数量',
  comparison: '与往年或其他地方的比较',
};
const KINDS_EN: Record<EvidenceKind | 'list' | 'name', string> = {
  list: 'list of items',
  name: 'name',
  count: 'number',
  figure: 'figure',
  rate: 'rate',
  money: 'amount',
  fee: 'fees',
  duration: 'duration',
  date: 'date',
  year: 'year',
  time: 'time',
  web: 'web address',
  breakdown: 'breakdown',
  phone: 'phone number',
  person: 'name',
  agent: 'who did it',
  place: 'address or location',
  venue: 'place to go for it',
  procedure: 'procedure or documents needed',
  outcome: 'outcome',
  reason: 'reason',
  ranking: 'ranking',
  growth: 'change or increase',
  comparison: 'comparison with other years or places',
};

/** The fixed framing of offline answers; Traditional Chinese is the Chinese framing converted by `inScript`. */
export const PHRASES = {
  zh: {
    /** The verbatim quote under a short label, after the answer it supports (the section is on the citation). */
    quoted: (body: string) => `报告原文：${body}`,
    listOf: (n: number) => `报告列出${n}项：`,
    partsOf: (n: number) => `报告正文分为${n}个部分：`,
    noAnswer: '报告中没有找到能回答这个问题的内容。',
    noYear: (years: string[], subjectYear: number) =>
      `报告中没有找到${years.join('、')}年的相关内容（本报告介绍的是${subjectYear}年度的情况）。`,
    noPlace: (places: string[]) => `报告中没有关于${places.join('、')}的内容（本报告介绍的是石狮市的情况）。`,
    // The section is the decline's first suggestion, shown once as a link rather than again in the sentence.
    noFact: (kind: string, target: string | null) => `报告提到了相关内容，但没有给出${target ? `“${target}”的` : ''}${kind}。`,
    kinds: KINDS_ZH,
  },
  en: {
    quoted: (body: string) => `The report says: ${body}`,
    listOf: (n: number) => `The report lists ${n} items:`,
    partsOf: (n: number) => `The report's body has ${n} parts:`,
    noAnswer: 'The report does not answer this question.',
    noYear: (years: string[], subjectYear: number) => `The report has nothing on ${years.join(', ')} (it covers ${subjectYear}).`,
    noPlace: (places: string[]) => `The report has nothing on ${places.join(', ')} (it covers Shishi).`,
    noFact: (kind: string, target: string | null) => `The report mentions this but gives no ${kind}${target ? ` for “${target}”` : ''}.`,
    kinds: KINDS_EN,
  },
};
