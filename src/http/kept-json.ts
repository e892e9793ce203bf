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
  const head = `{${JSON.stringify(name)}:${JSON.stringify(value)}${body.length > 2 ? ',' : ''}`;
  if (NodeBuffer) {
    // On Node a body under 4 KiB is cut from Buffer's shared pool (no new ArrayBuffer per response), and the
    // head is encoded in place; the body goes first, so the head then writes over its opening brace.
    const headBytes = NodeBuffer.byteLength(head);
    const out = NodeBuffer.allocUnsafe(headBytes + body.length - 1);
    out.set(body, headBytes - 1);
    out.write(head, 0, 'utf8');
    return out as Uint8Array as Uint8Array<ArrayBuffer>;
  }
  const headBytes = utf8.encode(head);
  const out = new Uint8Array(headBytes.length + body.length - 1);
  out.set(headBytes);
  out.set(body.subarray(1), headBytes.length);
  return out;
}

/** Node's Buffer where there is one (Workers with nodejs_compat have it too; a plain Uint8Array is made otherwise). */
const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
