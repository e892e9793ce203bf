import type { Claim, ClaimRef } from '../answer/verify-answer.js';

/**
 * The model cites inline: each claim is followed by one or more markers `[[paragraph id|exact quote]]`,
 * e.g. `共收到行政复议申请228件[[s4.3|共收到行政复议申请 228 件]]。` Plain text rather than JSON
 * so every OpenAI-compatible server can produce it (json_schema output is not universal) and
 * so the answer can be shown claim by claim while it is still being written.
 */
export const DECLINE_MARKER = '[[none]]';

/** Punctuation and spacing that closes a claim after its markers (kept with the claim). */
const CLAIM_TAIL = /^[\s，。；！？、,.;!?）)」”』]*/u;

/**
 * Cuts a model's streamed output into claims as soon as each one is complete: its text, its
 * markers and the punctuation after them. A claim is complete only when something other than
 * a marker or punctuation follows, or the output has ended.
 */
export interface CitedTextParser {
  /** Feed the next piece of output; returns the claims it completed. */
  push(delta: string): Claim[];
  /** The output has ended: the last claim, and any text left without a citation (as an uncited claim). */
  end(): Claim[];
}

export function createCitedTextParser(): CitedTextParser {
  let buffer = '';
  return {
    push(delta) {
      buffer += delta;
      return take(false);
    },
    end() {
      return take(true);
    },
  };

  function take(final: boolean): Claim[] {
    const claims: Claim[] = [];
    for (;;) {
      const next = nextClaim(buffer, final);
      if (!next) break;
      buffer = buffer.slice(next.consumed);
      claims.push(...next.claims);
    }
    if (final) {
      // An unterminated marker (output cut at the length limit) cites nothing.
      const open = buffer.indexOf('[[');
      const rest = open === -1 ? buffer : buffer.slice(0, open);
      claims.push(...sentences(rest).map((text) => ({ text, refs: [] })));
      buffer = '';
    }
    return claims;
  }
}

/**
 * The next marker group and the text before it. The markers cite the sentence just before them;
 * any earlier sentence in that text carried no marker and comes back as an uncited claim.
 */
function nextClaim(buffer: string, final: boolean): { claims: Claim[]; consumed: number } | null {
  const open = buffer.indexOf('[[');
  if (open === -1) return null;
  const refs: ClaimRef[] = [];
  let pos = open;
  for (;;) {
    const close = buffer.indexOf(']]', pos + 2);
    if (close === -1) return null;
    refs.push(parseRef(buffer.slice(pos + 2, close)));
    pos = close + 2;
    const gap = /^\s*/u.exec(buffer.slice(pos))![0].length;
    const rest = buffer.slice(pos + gap);
    // Another marker of the same group may be on its way (`[` alone could be its start).
    if (!final && (rest === '' || rest === '[')) return null;
    if (!rest.startsWith('[[')) break;
    pos += gap;
  }
  const tailEnd = pos + CLAIM_TAIL.exec(buffer.slice(pos))![0].length;
  // More punctuation may still be on its way.
  if (tailEnd === buffer.length && !final) return null;
  const before = sentences(buffer.slice(0, open));
  const cited = before.pop();
  const claims: Claim[] = before.map((text) => ({ text, refs: [] }));
  if (cited !== undefined) claims.push({ text: cited + buffer.slice(pos, tailEnd), refs });
  return { claims, consumed: tailEnd };
}

/** Sentences with words in them (a bare `。` is not a claim), each keeping its closing punctuation. */
function sentences(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/[。！？!?]+|\n+|\.(?=\s)/gu)) {
    parts.push(text.slice(start, m.index + m[0].length));
    start = m.index + m[0].length;
  }
  parts.push(text.slice(start));
  return parts.filter(hasWords);
}

function parseRef(inner: string): ClaimRef {
  const bar = inner.search(/[|｜]/u);
  if (bar === -1) return { id: inner.trim(), quote: '' };
  return { id: inner.slice(0, bar).trim(), quote: inner.slice(bar + 1).trim() };
}

function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
