/** Response bodies of values the service keeps (its answer and search caches), by identity. */
const bodies = new WeakMap<object, Uint8Array<ArrayBuffer>>();
const utf8 = new TextEncoder();

/**
 * The JSON body for `value` as UTF-8 bytes, made once per object: the service hands out the same
 * answer (or search hits) object for a repeated question (see `ANSWER_CACHE_SIZE`), and
 * serialising and encoding a 2–8 KB answer again was a tenth of such a request. `render` makes
 * the text (default `JSON.stringify`); it must depend on nothing but `value` and what is fixed
 * with it. Values passed here must not be changed afterwards; the service's never are.
 */
export function keptJson<T extends object>(value: T, render: (value: T) => string = JSON.stringify): Uint8Array<ArrayBuffer> {
  let body = bodies.get(value);
  if (body === undefined) {
    body = utf8.encode(render(value));
    bodies.set(value, body);
  }
  return body;
}
