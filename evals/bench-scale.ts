import { extractiveAnswer } from '../src/answer/extractive-answer.js';
import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { vocabularyEntries } from '../src/corpus/vocabulary.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
import { buildReportIndex } from '../src/index/report-index.js';
import { ingest } from '../src/ingest/ingest.js';
import { createGramStats } from '../src/retrieve/coverage.js';
import { createLexicon } from '../src/retrieve/lexicon.js';
import { loadPinyin } from '../src/text/pinyin.js';
import { createRetriever } from '../src/retrieve/retrieve.js';
import { snapshotQuestions } from './lib/answer-snapshot.js';
import { syntheticParagraphs } from './lib/synthetic-corpus.js';

/**
 * `npm run bench:scale [-- 1,10,100]`: the index over the report replicated 1×, 10× and 100× (43 to
 * 4,300 paragraphs, each copy with its own ids and numbers): build time, heap, and the latency of
 * retrieval (Orama + re-ranking) and of a whole offline answer over the gold and dev2 questions,
 * each question's median of three asks, after a warm-up on other questions. The 1× row is the baseline of the same run.
 */
const WARM_UP = 60;
/** Each question is asked this many times in a row and its median kept: a machine shared with other work preempts single calls. */
const REPEATS = 3;

async function main() {
  const scales = (process.argv[2] ?? '1,10,100').split(',').map(Number);
  const corpus = loadCorpusFiles();
  const document = ingest(corpus.source, corpus.meta);
  const questions = snapshotQuestions();
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  // One build first so that module start-up and the JIT are not counted against the first scale.
  await buildReportIndex(document.paragraphs, localHashEmbedder(), corpus.labels);
  const rows: Row[] = [];
  for (const copies of scales) {
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const paragraphs = syntheticParagraphs(document.paragraphs, copies);
    let t = performance.now();
    const index = await buildReportIndex(paragraphs, localHashEmbedder(), corpus.labels);
    const indexMs = performance.now() - t;
    t = performance.now();
    const matchTexts = [...index.matchText.values()];
    await loadPinyin();
    const lexicon = createLexicon({ entries: vocabularyEntries(corpus.vocabulary) }, corpus.stopwords, corpus.cues, matchTexts);
    const stats = createGramStats(matchTexts);
    const retrieve = createRetriever({ index, lexicon, stats, subjectYear: corpus.meta.subjectYear });
    const wiringMs = performance.now() - t;
    gc();
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

    for (const q of questions.slice(0, WARM_UP)) extractiveAnswer(await retrieve(q.question, q.history ?? []), corpus.meta.subjectYear);
    const retrieval: number[] = [];
    const answer: number[] = [];
    for (const q of questions.slice(WARM_UP)) {
      const times = { retrieval: [] as number[], answer: [] as number[] };
      for (let i = 0; i < REPEATS; i++) {
        const started = performance.now();
        const result = await retrieve(q.question, q.history ?? []);
        const retrieved = performance.now();
        extractiveAnswer(result, corpus.meta.subjectYear);
        times.retrieval.push(retrieved - started);
        times.answer.push(performance.now() - started);
      }
      retrieval.push(quantile(times.retrieval, 0.5));
      answer.push(quantile(times.answer, 0.5));
    }
    gc();
    // What the questions left behind (caches of word scores and document frequencies) counts too.
    const heapAfterMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    rows.push({ copies, paragraphs: paragraphs.length, indexMs, wiringMs, heapMb, heapAfterMb, retrieval, answer });
    console.log(format(rows.at(-1)!, rows[0]!));
  }
  const rss = (process.memoryUsage().rss / 2 ** 20).toFixed(0);
  console.log(`rss ${rss} MB; ${questions.length - WARM_UP} questions per scale, median of ${REPEATS} asks each`);
}

interface Row {
  copies: number;
  paragraphs: number;
  indexMs: number;
  wiringMs: number;
  heapMb: number;
  heapAfterMb: number;
  retrieval: number[];
  answer: number[];
}

const quantile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

function format(row: Row, base: Row): string {
  const perPara = (ms: number, n: number) => ((1000 * ms) / n).toFixed(0);
  const p = (xs: number[]) => `p50 ${quantile(xs, 0.5).toFixed(2)} p95 ${quantile(xs, 0.95).toFixed(2)} ms`;
  const ratio = (xs: number[], ys: number[]) => `×${(quantile(xs, 0.95) / quantile(ys, 0.95)).toFixed(1)}`;
  return [
    `${String(row.copies).padStart(3)}× ${String(row.paragraphs).padStart(5)} paragraphs`,
    `index ${row.indexMs.toFixed(0)} ms (${perPara(row.indexMs, row.paragraphs)} µs/paragraph)`,
    `lexicon/stats ${row.wiringMs.toFixed(0)} ms`,
    `heap +${row.heapMb.toFixed(1)} MB built, +${row.heapAfterMb.toFixed(1)} MB after the questions`,
    `retrieve ${p(row.retrieval)} (p95 ${ratio(row.retrieval, base.retrieval)} of 1×)`,
    `answer ${p(row.answer)} (p95 ${ratio(row.answer, base.answer)})`,
  ].join(' | ');
}

main().catch(function fatal(error: unknown) {
  console.error((error as Error).stack);
  process.exit(1);
});
