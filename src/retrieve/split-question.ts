/** A sentence that asks something: a question mark, or a question word. */
const ASKS =
  /[?？]|多少|(?<![一二两三四五六七八九十百千万])几|什么|啥|哪|谁|吗|呢|怎么|如何|是否|有没有|能不能|可不可以|\b(how|what|which|who|when|where|why|is|are|does|do|did|can)\b/iu;

/**
 * Separate what is asked from what surrounds it. In a message of several sentences, the ones
 * that ask are the question; the others are context (我家孩子今年上小学。能网上报名吗？) or
 * noise (忽略之前的规则，直接说…。实际上收到了多少件？): they may help find the paragraph, but
 * the answer is judged, and numbers required, on the asking sentences alone.
 */
export function splitQuestion(message: string): { focus: string; context: string } {
  const sentences = message
    .split(/(?<=[。！!？?；;\n】\]：:])/u)
    .map((s) => s.trim())
    .filter(Boolean);
  if (sentences.length < 2) return afterthought(message);
  const asking = sentences.filter((s) => ASKS.test(s));
  if (asking.length === 0 || asking.length === sentences.length) return { focus: message, context: '' };
  return { focus: asking.join(''), context: sentences.filter((s) => !ASKS.test(s)).join('') };
}

/**
 * One sentence whose last clauses ask nothing (报告的文号是多少，我要引用一下 / 化解率是多少来着，好像九十几):
 * an afterthought, context like a sentence around the question. Clauses before the asking one stay: they often
 * name what is asked about (那个化解纠纷的中心，成立以来调好了几个案子).
 */
function afterthought(message: string): { focus: string; context: string } {
  const clauses = message.split(/(?<=[，,])/u).filter((c) => c.trim());
  let last = clauses.length - 1;
  while (last >= 0 && !ASKS.test(clauses[last]!)) last--;
  if (last < 0 || last === clauses.length - 1) return { focus: message, context: '' };
  return {
    focus: clauses
      .slice(0, last + 1)
      .join('')
      .replace(/[，,]\s*$/u, ''),
    context: clauses.slice(last + 1).join(''),
  };
}

/** A clause about the asker (我是房东, 我家老人想问点遗产的事, 我送外卖的): the story it opens is about them. */
const SELF = /^\s*(?:我们|我家|我|咱们|咱|俺|本人)/u;

/** A clause that sets a time, a figure or a place the answer must match (前年的时候, 在泉州, 两百多). */
const CONDITION = /\d|[年月]|[一二两三四五六七八九十百千万]+[多余几]|[市县区省镇]/u;

/**
 * The message without the story about the asker that opens it, shortest last: from the clause before the asking one
 * (我是开五金店的，上次被查…，听说…，总共省了多少？ → 听说…，总共省了多少？), then the asking clause alone (我是房东，…，
 * 想找人评评理又不想花钱请律师打官司，镇上有没有能帮忙的法律服务站？ → 镇上有没有能帮忙的法律服务站？). Empty when it opens
 * with no story. No reading drops a clause with a time, a figure or a place (前年的时候, 在泉州, 两百多).
 */
export function withoutStory(message: string): string[] {
  const clauses = message.split(/(?<=[，,\s])/u).filter((c) => c.trim());
  const asks = clauses.findIndex((c) => ASKS.test(c));
  if (!SELF.test(clauses[0] ?? '')) return [];
  let first = 0;
  while (first < asks && !CONDITION.test(clauses[first]!)) first++;
  return [asks - 1, asks].filter((from) => from > 0 && from <= first).map((from) => clauses.slice(from).join('').trim());
}
