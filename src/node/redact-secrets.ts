/** Anything shaped like a bearer token or an OpenAI-style key, whoever's it is. */
const TOKEN_SHAPES: [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[\w.~+/=-]{6,}/gi, '$1 [redacted]'],
  [/\bsk-[\w-]{6,}/g, '[redacted]'],
];

/**
 * A function that removes the configured secrets (API keys) and anything shaped like a bearer
 * token from a text. Provider errors quote what they were sent (a 401 may echo the key), and
 * a log line is written somewhere many people can read.
 *
 * @example secretRedactor(['k-123456'])('Incorrect API key provided: k-123456') // '… [redacted]'
 */
export function secretRedactor(secrets: (string | undefined)[]): (text: string) => string {
  // Longest first, so a key that contains another is removed whole; as written and as JSON escapes it.
  const known = [...new Set(secrets.filter((s): s is string => !!s && s.length >= 4))].sort((a, b) => b.length - a.length);
  const variants = known.flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]);
  return function redact(text) {
    let out = text;
    for (const secret of variants) out = out.split(secret).join('[redacted]');
    for (const [shape, replacement] of TOKEN_SHAPES) out = out.replace(shape, replacement);
    return out;
  };
}
