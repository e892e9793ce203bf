/** The fixed framing of offline answers; Traditional Chinese is the Chinese framing converted by `inScript`. */
export const PHRASES = {
  zh: {
    according: (section: string, body: string) => `根据报告「${section}」：${body}`,
    accordingMany: '根据报告：',
    noAnswer: '报告中没有找到能回答这个问题的内容。',
    noYear: (years: string[], subjectYear: number) => `报告中没有找到${years.join('、')}年的相关内容（本报告介绍的是${subjectYear}年度的情况）。`,
    related: (sections: string) => `可以查看报告中相近的部分：${sections}。`,
  },
  en: {
    according: (section: string, body: string) => `According to the report (「${section}」): ${body}`,
    accordingMany: 'According to the report:',
    noAnswer: 'The report does not answer this question.',
    noYear: (years: string[], subjectYear: number) => `The report has nothing on ${years.join(', ')} (it covers ${subjectYear}).`,
    related: (sections: string) => ` Related sections: ${sections}.`,
  },
};
