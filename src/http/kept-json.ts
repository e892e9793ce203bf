/** JSON texts of values the service keeps (its answer and search caches), by identity. */
const texts = new WeakMap<object, string>();

/**
 * `JSON.stringify(value)`, computed once per object: the service hands out the same answer
 * object for a repeated question (see `ANSWER_CACHE_SIZE`), and serialising a 2–8 KB answer
 * again was a tenth of such a request. Values passed here must not be changed afterwards; the
 * service's answers and search hits never are.
 */
export function keptJson(value: object): string {
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    texts.set(value, text);
  }
  return text;
}
