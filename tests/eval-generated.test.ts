import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from './fake-openai-server.js';

type Result = { target: string; item: { question: string }; answer: { answer: string; rewrite?: string[] } };

let fake: FakeOpenAi;
let stdout: string;
let report: { targets: string[]; checks: Record<string, number>; results: Result[] };

beforeAll(async () => {
  fake = await startFakeOpenAi();
  // A model that always cites the right paragraph for 行政复议 but gets the number wrong, and
  // invents a quote otherwise: the runner must report the checks firing.
  fake.reply = ({ question }) =>
    /复议/.test(question)
      ? { kind: 'text', text: '共收到行政复议申请229件[[s4.3|共收到行政复议申请 228 件]]。' }
      : { kind: 'text', text: '报告说明了有关情况[[s1.1|这句话报告里没有]]。' };
  // The query rewrite: report wording for questions about suing the government (告, not 报告), a
  // figure (which must be dropped) with the wording for questions about businesses, nothing otherwise.
  fake.rewrite = ({ question }) =>
    /(?<!报)告/.test(question)
      ? { kind: 'text', text: '行政诉讼 行政机关负责人出庭率' }
      : /企业|商/.test(question)
        ? { kind: 'text', text: '市场主体 17万户' }
        : { kind: 'text', text: '' };
  const out = mkdtempSync(join(tmpdir(), 'eval-'));
  ({ stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'evals/run.ts', '--split', 'dev', '--no-baselines', '--no-gate', '--quiet', '--out', out],
    {
      env: {
        ...process.env,
        OPENAI_API_KEY: 'sk-fake',
        OPENAI_BASE_URL: fake.baseURL,
        OPENAI_MODEL: 'fake-model',
        LOG_REQUESTS: 'false',
        CACHE_DIR: out,
      },
      maxBuffer: 1 << 24,
    },
  ));
  report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
});
afterAll(() => fake?.close());

describe('npm run eval with a configured model', () => {
  it('runs the offline service, extractive answers over the rewrite and generated answers side by side', () => {
    expect(report.targets).toEqual([
      expect.stringMatching(/^service \(in-process/),
      'extractive + rewrite (fake-model)',
      'generated (fake-model, retrieved + rewrite)',
    ]);
    expect(stdout).toMatch(/extractive \+ rewrite \(fake-model\) · dev/);
    expect(stdout).toMatch(/generated \(fake-model, retrieved \+ rewrite\) · dev/);
  });

  it('counts how each citation check fired in generated mode', () => {
    expect(stdout).toMatch(/citation checks fired/);
    expect(report.checks.unsupportedNumbers).toBeGreaterThan(0);
    expect(report.checks.quotesNotVerbatim).toBeGreaterThan(0);
    // Every generated answer that failed its checks reached the user as the extractive answer, never with 229.
    const generated = report.results.filter((r) => r.target.startsWith('generated'));
    expect(generated.some((r) => r.answer.answer.includes('229'))).toBe(false);
  });

  it('records with each answer over the rewrite which terms were added, never a figure the question did not state', () => {
    const rewritten = report.results.filter((r) => r.target.startsWith('extractive + rewrite'));
    expect(rewritten.length).toBeGreaterThan(0);
    expect(rewritten.every((r) => Array.isArray(r.answer.rewrite))).toBe(true);
    expect(rewritten.filter((r) => /(?<!报)告/.test(r.item.question)).every((r) => r.answer.rewrite!.includes('行政诉讼'))).toBe(true);
    expect(rewritten.some((r) => r.answer.rewrite!.includes('市场主体'))).toBe(true);
    expect(rewritten.some((r) => r.answer.rewrite!.some((t) => /\d/.test(t) && !r.item.question.includes(t)))).toBe(false);
  });
});
