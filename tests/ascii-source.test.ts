import { describe, expect, it } from 'vitest';
import { asciiSource } from '../src/cli/build-server-snapshot.js';

describe('asciiSource (the startup snapshot bundle escaped to ASCII, so V8 keeps its source one byte a character)', () => {
  it('leaves code that means the same: strings, regex literals with and without u, astral characters', () => {
    const code = `[/(ā|á|ǎ|à)/g.test('xá'), /^[一-龥]+$/.test('复议'), /😀/u.test('a😀'), /😀/.test('😀'), 'ü行' + "政", /[ǖ-ǜ]/.test('ǘ')]`;
    const escaped = asciiSource(code);
    expect(/[^\0-\x7f]/.test(escaped)).toBe(false);
    expect(new Function(`return ${escaped}`)()).toEqual(new Function(`return ${code}`)());
    // What does change: a regex's \`source\` (and a function's text) shows the escapes.
    expect(new Function(`return ${asciiSource('/ǖ/.source')}`)()).toBe('\\u01d6');
  });

  it('refuses a non-ASCII character after a backslash, which an escape would change', () => {
    expect(() => asciiSource(String.raw`/\é/`)).toThrow(/escaped non-ASCII/);
    expect(asciiSource(String.raw`'\\é'`)).toBe(String.raw`'\\\u00e9'`);
  });
});
