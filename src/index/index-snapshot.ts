import { load, save, type RawData } from '@orama/orama';
import type { StructureLabels } from '../corpus/corpus-files.js';
import type { Embedder } from '../embed/embedder.js';
import type { ReportDocument } from '../types.js';
import { createReportDb, matchingViews, paragraphAliases, type ReportIndex } from './report-index.js';

/**
 * Everything start-up would compute, computed ahead of time (`npm run build:index`): the
 * ingested document, the Orama db with its vectors, and the homophone table. Shipped inside
 * the Workers bundle so a cold start does no ingestion and no embedding calls.
 */
export interface IndexSnapshot {
  version: 1;
  /** sha256 of the source the snapshot was built from (must equal corpus/report.meta.json). */
  sha256: string;
  /** Embedder the vectors come from; queries must be embedded by the same model. */
  embedder: string;
  dimensions: number;
  document: ReportDocument;
  orama: RawData;
  homophones: [string, string[]][];
  /**
   * The citizen vocabulary normalised for matching (the lexicon's glossary), with the key of the
   * vocabulary and question words it was made from: used only while they are unchanged.
   */
  glossary?: { key: string; entries: { user: string; report: string[]; latin: boolean }[] };
}

export function createIndexSnapshot(
  document: ReportDocument,
  index: ReportIndex,
  homophones: Map<string, string[]>,
  glossary?: IndexSnapshot['glossary'],
): IndexSnapshot {
  return {
    ...(glossary ? { glossary } : {}),
    version: 1,
    sha256: document.meta.sha256,
    embedder: index.embedder.modelId,
    dimensions: index.dimensions,
    document,
    orama: save(index.db),
    homophones: [...homophones],
  };
}

/**
 * The index from a snapshot. Orama's `restore()` would rebuild the db with its default
 * tokenizer (Chinese search then finds nothing), so the data is `load()`ed into a db created
 * with ours.
 */
export function restoreReportIndex(snapshot: IndexSnapshot, embedder: Embedder, labels: StructureLabels): ReportIndex {
  const started = performance.now();
  if (snapshot.embedder !== embedder.modelId) {
    throw new Error(
      `index snapshot was embedded with ${snapshot.embedder}, but queries would be embedded with ${embedder.modelId}; rebuild it with npm run build:index`,
    );
  }
  const db = createReportDb(snapshot.dimensions);
  load(db, snapshot.orama);
  const { paragraphs } = snapshot.document;
  return {
    db,
    ...matchingViews(paragraphs, paragraphAliases(paragraphs, labels)),
    embedder,
    dimensions: snapshot.dimensions,
    buildMs: performance.now() - started,
  };
}
