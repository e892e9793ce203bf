import { insertMultiple, load, save, search, type AnyOrama } from '@orama/orama';
import { describe, expect, it } from 'vitest';
import { snapshotQuestions } from '../evals/lib/answer-snapshot.js';
import { syntheticParagraphs } from '../evals/lib/synthetic-corpus.js';
import { loadCorpusFiles } from '../src/corpus/load-corpus-files.js';
import { localHashEmbedder } from '../src/embed/local-hash-embedder.js';
import {
  buildReportIndex,
  createReportDb,
  embeddingInput,
  paragraphAliases,
  reportDocuments,
  type ReportIndex,
} from '../src/index/report-index.js';
import { analyzeQuery } from '../src/retrieve/analyze-query.js';
import type { Paragraph } from '../src/types.js';
import { offlineService } from './helpers.js';

const corpus = loadCorpusFiles();

/** The same documents in a db with Orama's stock index component. */
async function stockDb(index: ReportIndex): Promise<AnyOrama> {
  const db = createReportDb(index.dimensions, null);
  const paragraphs = [...index.paragraphs.values()];
  const vectors = await index.embedder.embed(paragraphs.map(embeddingInput));
  await insertMultiple(db, reportDocuments(paragraphs, vectors, paragraphAliases(paragraphs, corpus.labels)));
  return db;
}

/** Every hit (id and score, in order) for each question's search, in the shapes retrieval uses. */
async function allHits(db: AnyOrama, terms: { term: string; vector: number[] }[]) {
  const out: unknown[] = [];
  for (const { term, vector } of terms) {
    const common = { term, properties: ['text', 'section', 'aliases'], threshold: 1, limit: 10_000 };
    const hybrid = {
      ...common,
      mode: 'hybrid',
      vector: { value: vector, property: 'embedding' },
      similarity: 0.01,
      hybridWeights: { text: 0.7, vector: 0.3 },
    };
    for (const params of [common, hybrid]) {
      const { hits } = await search(db, params as Parameters<typeof search>[1]);
      out.push(hits.map((h) => [h.id, h.score]));
    }
  }
  return out;
}

async function queryTerms(index: ReportIndex, count: number) {
  const { lexicon } = await offlineService();
  return Promise.all(
    snapshotQuestions()
      .slice(0, count)
      .map(async function term({ question }) {
        const a = analyzeQuery(question, lexicon, corpus.meta.subjectYear);
        const term = [a.normalized, ...a.expansions].join(' ');
        return { term, vector: (await index.embedder.embed([term], 'query'))[0]! };
      }),
  );
}

describe('the report index component (Orama’s, with faster scans)', () => {
  it('finds the same documents with the same scores in the same order as Orama’s stock component, ties included', async () => {
    const base = [...(await offlineService()).index.paragraphs.values()] as Paragraph[];
    // Three copies of the report: many equal scores, so the order of ties is tested too.
    const index = await buildReportIndex(syntheticParagraphs(base, 3), localHashEmbedder(), corpus.labels);
    const terms = await queryTerms(index, 120);
    expect(await allHits(index.db, terms)).toEqual(await allHits(await stockDb(index), terms));
  });

  it('scores afresh after documents are added: a word’s kept scores belong to the index they were computed on', async () => {
    const base = [...(await offlineService()).index.paragraphs.values()] as Paragraph[];
    const index = await buildReportIndex(syntheticParagraphs(base, 2), localHashEmbedder(), corpus.labels);
    const terms = await queryTerms(index, 30);
    await allHits(index.db, terms);
    const more = syntheticParagraphs(base, 3).slice(2 * base.length);
    const vectors = await index.embedder.embed(more.map(embeddingInput));
    await insertMultiple(index.db, reportDocuments(more, vectors, paragraphAliases(more, corpus.labels)));
    const all = await buildReportIndex(syntheticParagraphs(base, 3), localHashEmbedder(), corpus.labels);
    expect(await allHits(index.db, terms)).toEqual(await allHits(await stockDb(all), terms));
  });

  it('searches the same after a save and load into a new db', async () => {
    const { index } = await offlineService();
    const restored = createReportDb(index.dimensions);
    load(restored, JSON.parse(JSON.stringify(save(index.db))));
    const terms = await queryTerms(index, 40);
    expect(await allHits(restored, terms)).toEqual(await allHits(index.db, terms));
  });
});
