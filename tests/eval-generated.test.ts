import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from './fake-openai-server.js';

let fake: FakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
  // A model that always cites the right paragraph for 行政复议 but gets the number wrong, and
  // invents a quote otherwise: the runner must report the checks firing.
  fake.reply = ({ question }) =>
    /复议/.test(question)
      ? { kind: 'text', text: '共收到行政复议申请229件[[s4.3|共收到行政复议申请 228 件]]。' }
      : { kind: 'text', text: '报告说明了有关情况[[s1.1|这句话报告里没有]]。' };
});
afterAll(() => fake?.close());

describe('npm run eval with a configured model', () => {
  it('runs the set in generated mode beside the extractive service and counts how each citation check fired', async () => {
    const out = mkdtempSync(join(tmpdir(), 'eval-'));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'evals/run.ts', '--split', 'dev', '--no-baselines', '--no-gate', '--quiet', '--out', out], {
      env: { ...process.env, OPENAI_API_KEY: 'sk-fake', OPENAI_BASE_URL: fake.baseURL, OPENAI_MODEL: 'fake-model', LOG_REQUESTS: 'false', CACHE_DIR: out },
      maxBuffer: 1 << 24,
    });
    expect(stdout).toMatch(/generated \(fake-model, retrieved\) · dev/);
    expect(stdout).toMatch(/citation checks fired/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.targets).toHaveLength(2);
    expect(report.checks.unsupportedNumbers).toBeGreaterThan(0);
    expect(report.checks.quotesNotVerbatim).toBeGreaterThan(0);
    // Every generated answer that failed its checks reached the user as the extractive answer, never with 229.
    const generated = report.results.filter((r: { target: string }) => r.target.startsWith('generated'));
    expect(generated.some((r: { answer: { answer: string } }) => r.answer.answer.includes('229'))).toBe(false);
  });
});
