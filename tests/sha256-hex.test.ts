import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/text/sha256-hex.js';

describe('sha256Hex', () => {
  it('gives the standard SHA-256 of a text (its UTF-8 bytes) and of raw bytes', async () => {
    // FIPS 180-2's test vector, and a Chinese text hashed as UTF-8 as Web Crypto and sha256sum do.
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const bytes = new TextEncoder().encode('行政复议');
    const webCrypto = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('');
    expect(await sha256Hex('行政复议')).toBe(webCrypto);
    expect(await sha256Hex(bytes.buffer)).toBe(webCrypto);
  });
});
