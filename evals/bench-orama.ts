import { insertMultiple, search, type AnyOrama } from '@orama/orama';
import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { vocabularyEntries } from '../src/corpus/vocabulary.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
import { buildReportIndex, createReportDb, embeddingInput, paragraphAliases, reportDocuments } from '../src/index/report-index.js';
import { ingest } from '../src/ingest/ingest.js';
import { analyzeQuery } from '../src/retrieve/analyze-query.js';
import { createLexicon } from '../src/retrieve/lexicon.js';
import { loadPinyin } from '../src/text/pinyin.js';
import type { StructureLabels } from '../src/corpus/corpus-files.js';
import type { Embedder } from '../src/embed/embedder.js';
import type { Paragraph } from '../src/types.js';
import { snapshotQuestions } from './lib/answer-snapshot.js';
import { syntheticParagraphs } from './lib/synthetic-corpus.js';

/**
 * `npm run bench:orama [-- 100]`: what Orama's own search options cost over the replicated report
 * (default 100×, 4,300 paragraphs), with the query terms retrieval sends, so a choice between them
 * rests on a measurement. Each row is one call shape, on Orama's stock index component and on ours
 * (src/index/report-search-index.ts, same scores), after an untimed pass of every shape; "hits" is the
 * mean number of documents matched.
 */
async function main() {
  const copies = Number(process.argv[2] ?? 100);
  const corpus = loadCorpusFiles();
  const paragraphs = syntheticParagraphs(ingest(corpus.source, corpus.meta).paragraphs, copies);
  const embedder = localHashEmbedder();
  const index = await buildReportIndex(paragraphs, embedder, corpus.labels);
  const texts = [...index.matchText.values()];
  await loadPinyin();
  const lexicon = createLexicon({ entries: vocabularyEntries(corpus.vocabulary) }, corpus.stopwords, corpus.cues, texts);
  const queries = await Promise.all(
    snapshotQuestions()
      .slice(0, 200)
      .map(async function query({ question }) {
        const a = analyzeQuery(question, lexicon, corpus.meta.subjectYear);
        const term = [a.normalized, ...a.expansions].join(' ');
        const [vector] = await embedder.embed([term], 'query');
        return { term, vector: vector! };
      }),
  );
  const stock = await stockDb(paragraphs, corpus.labels, embedder);
  const all = ['text', 'section', 'aliases'];
  const shapes: Record<string, (q: (typeof queries)[number]) => object> = {
    'hybrid, 3 properties, prefix (today)': (q) => ({
      mode: 'hybrid',
      term: q.term,
      properties: all,
      threshold: 1,
      limit: 15,
      vector: { value: q.vector, property: 'embedding' },
      similarity: 0.01,
      hybridWeights: { text: 0.7, vector: 0.3 },
    }),
    'full text, 3 properties, prefix': (q) => ({ term: q.term, properties: all, threshold: 1, limit: 15 }),
    'full text, text only, prefix': (q) => ({ term: q.term, properties: ['text'], threshold: 1, limit: 15 }),
    'full text, 3 properties, exact': (q) => ({ term: q.term, properties: all, threshold: 1, limit: 15, exact: true }),
    'vector only': (q) => ({ mode: 'vector', vector: { value: q.vector, property: 'embedding' }, similarity: 0.01, limit: 15 }),
  };
  console.log(`${paragraphs.length} paragraphs, ${queries.length} questions`);
  // One untimed pass of every shape first: the rows compare steady states, not who ran first.
  for (const shape of Object.values(shapes))
    for (const db of [stock, index.db]) for (const q of queries) await search(db, shape(q) as never);
  for (const [name, shape] of Object.entries(shapes)) {
    for (const [component, db] of [
      ['stock', stock],
      ['ours', index.db],
    ] as const) {
      if (component === 'ours' && name.includes('exact')) continue;
      const times: number[] = [];
      let hits = 0;
      for (const q of queries) {
        const started = performance.now();
        const result = await search(db, shape(q) as Parameters<typeof search>[1]);
        times.push(performance.now() - started);
        hits += result.count;
      }
      times.sort((a, b) => a - b);
      const p = (x: number) => times[Math.min(times.length - 1, Math.floor(x * times.length))]!.toFixed(2);
      console.log(`${`${name} [${component}]`.padEnd(48)} p50 ${p(0.5)} ms  p95 ${p(0.95)} ms  hits ${(hits / queries.length).toFixed(0)}`);
    }
  }
}

/** The same documents in a db with Orama's stock index component (our tokenizer: it is what the index is about). */
async function stockDb(paragraphs: Paragraph[], labels: StructureLabels, embedder: Embedder): Promise<AnyOrama> {
  const vectors = await embedder.embed(paragraphs.map(embeddingInput));
  const aliases = paragraphAliases(paragraphs, labels);
  const db = createReportDb(embedder.dimensions, null);
  await insertMultiple(db, reportDocuments(paragraphs, vectors, aliases));
  return db;
}

main().catch(function fatal(error: unknown) {
  console.error((error as Error).stack);
  process.exit(1);
});
