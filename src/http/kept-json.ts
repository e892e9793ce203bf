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

/**
 * A JSON object body with one more string field in front, without re-serialising the rest:
 * `{"answerId":"…",` then the kept body after its opening brace.
 *
 * @example withLeadingField('answerId', 'a1', keptJson({ mode: 'extractive' })) // {"answerId":"a1","mode":"extractive"}
 */
export function withLeadingField(name: string, value: string, body: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const head = utf8.encode(`{${JSON.stringify(name)}:${JSON.stringify(value)}${body.length > 2 ? ',' : ''}`);
  const out = new Uint8Array(head.length + body.length - 1);
  out.set(head);
  out.set(body.subarray(1), head.length);
  return out;
}
