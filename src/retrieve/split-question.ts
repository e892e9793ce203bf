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
