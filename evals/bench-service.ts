import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
import { createQaService } from '../src/qa-service.js';
import { normalizeForMatch } from '../src/text/normalize.js';
import { snapshotQuestions } from './lib/answer-snapshot.js';

/**
 * `npm run bench:service [-- rounds]`: the offline `service.ask()` per gold and dev2 question, in
 * process with no HTTP (see `npm run bench` for the route), each question's median of `rounds`
 * asks (default 5), so one preempted call on a shared machine does not decide a percentile. The
 * baseline of the same run is normalising the question, the least any answer does.
 */
async function main() {
  const rounds = Number(process.argv[2] ?? 5);
  const service = await createQaService({ corpus: loadCorpusFiles(), embedder: localHashEmbedder() });
  const questions = snapshotQuestions();
  for (const q of questions) await service.ask(q.question, q.history ?? []);
  const ask: number[] = [];
  const base: number[] = [];
  for (const q of questions) {
    ask.push(await median(rounds, () => service.ask(q.question, q.history ?? [])));
    base.push(await median(rounds, () => normalizeForMatch(q.question)));
  }
  const ms = (xs: number[], p: number) => q(xs, p).toFixed(3);
  const row = (name: string, xs: number[]) => `${name.padEnd(22)} p50 ${ms(xs, 0.5)}  p95 ${ms(xs, 0.95)}  p99 ${ms(xs, 0.99)} ms`;
  console.log(`${questions.length} questions, median of ${rounds} asks each`);
  console.log(row('normalizeForMatch', base));
  console.log(row('service.ask()', ask));
  const ratio = (p: number) => (q(ask, p) / q(base, p)).toFixed(0);
  console.log(`ratio ask ÷ normalize: p50 ×${ratio(0.5)}, p95 ×${ratio(0.95)}`);
}

async function median(rounds: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return q(times, 0.5);
}

function q(xs: number[], p: number): number {
  return [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
}

main().catch(function fatal(error: unknown) {
  console.error((error as Error).stack);
  process.exit(1);
});
