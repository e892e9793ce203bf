/** A sentence that asks something: a question mark, or a question word. */
const ASKS =
  /[?？]|多少|几|什么|啥|哪|谁|吗|呢|怎么|如何|是否|有没有|能不能|可不可以|\b(how|what|which|who|when|where|why|is|are|does|do|did|can)\b/iu;

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
  if (sentences.length < 2) return { focus: message, context: '' };
  const asking = sentences.filter((s) => ASKS.test(s));
  if (asking.length === 0 || asking.length === sentences.length) return { focus: message, context: '' };
  return { focus: asking.join(''), context: sentences.filter((s) => !ASKS.test(s)).join('') };
}
