import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

/** The variables `loadConfig` reads, observed rather than parsed from the source: whatever it looks up in the environment. */
function variablesConfigReads(): string[] {
  const read = new Set<string>();
  const env = new Proxy({} as Record<string, string | undefined>, {
    get(_target, name) {
      if (typeof name === 'string' && /^[A-Z][A-Z0-9_]*$/.test(name)) read.add(name);
      return undefined;
    },
  });
  loadConfig(env);
  return [...read].sort();
}

/** `.env.example`'s entries: `# NAME=default` lines, each with the comment line above it. */
function exampleEntries(): { name: string; value: string; comment: string }[] {
  const lines = readFileSync(new URL('../.env.example', import.meta.url), 'utf8').split('\n');
  return lines.flatMap((line, i) => {
    const match = /^# ([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    return match ? [{ name: match[1]!, value: match[2]!, comment: lines[i - 1] ?? '' }] : [];
  });
}

describe('.env.example', () => {
  const entries = exampleEntries();

  it('lists every variable src/config.ts reads, and no other', () => {
    const listed = entries.map((e) => e.name).sort();
    expect(variablesConfigReads().length).toBeGreaterThan(30);
    expect(listed).toEqual(variablesConfigReads());
  });

  it('gives each variable its real default (setting it as written changes nothing)', () => {
    const defaults = loadConfig({});
    for (const { name, value } of entries) expect(loadConfig({ [name]: value }), `${name}=${value}`).toEqual(defaults);
  });

  it('says in a comment line above each variable what it does', () => {
    for (const { name, comment } of entries) expect(comment, name).toMatch(/^# (?![A-Z][A-Z0-9_]*=)\S.{10,}/);
  });

  it('sets nothing: every line is a comment, so a copy used as --env-file keeps the image defaults (HOST=0.0.0.0)', () => {
    const text = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    expect(text.split('\n').filter((line) => line.trim() && !line.startsWith('#'))).toEqual([]);
  });
});
