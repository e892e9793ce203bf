import type { Paragraph } from '../../src/types.js';

/**
 * The report's paragraphs `copies` times over, for scale benchmarks: copy k (k ≥ 1) gets the id
 * `${id}-${k}` and its own numbers (every figure but a year replaced by one of the same length, so
 * the sentence offsets stay valid). Copy 0 is the report itself.
 */
export function syntheticParagraphs(paragraphs: Paragraph[], copies: number): Paragraph[] {
  const out: Paragraph[] = [];
  for (let k = 0; k < copies; k++) {
    for (const p of paragraphs) {
      out.push(k === 0 ? p : { ...p, id: `${p.id}-${k}`, text: varyNumbers(p.text, k), order: out.length });
    }
  }
  return out;
}

/** Each run of digits (but a 4-digit year) replaced by another of the same length, different per copy. */
function varyNumbers(text: string, k: number): string {
  return text.replace(/\d+/gu, function vary(digits) {
    if (/^(?:19|20)\d{2}$/u.test(digits)) return digits;
    const mod = 10 ** digits.length;
    const value = (Number(digits) * 7 + k * 7919) % mod;
    // Keep the length: a leading zero would read as another number in the text, so start at 1.
    return String(value).padStart(digits.length, '1').slice(-digits.length);
  });
}
