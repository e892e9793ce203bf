import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const ask = (...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], {
    cwd: root,
    env: { ...process.env, OPENAI_API_KEY: '' },
    encoding: 'utf8',
  });

describe('npm run ask', () => {
  it('prints the answer with each citation: section path, id and quote', () => {
    const out = ask('“闽执法”移动终端配了多少台？');
    expect(out).toContain('118 台');
    expect(out).toContain('五、严格规范公正文明执法 › （三）深入推进智慧监管执法');
    expect(out).toContain('id: s5.3');
  });
  it('prints the API JSON with --json, and uses --history for follow-ups', () => {
    const out = ask('--json', '--history', JSON.stringify([{ role: 'user', content: '行政复议收到多少件？' }]), '那纠错率呢？');
    const answer = JSON.parse(out);
    expect(answer.citations[0].id).toBe('s4.3');
    expect(answer.citations[0].quote).toContain('纠错率');
  });
});
