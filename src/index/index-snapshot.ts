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
  glossary?: { key: string } & PackedGlossary;
  /**
   * The paragraphs' normalised texts (`matchingViews`, ~15 ms at start-up), with the structure
   * labels their aliases were made from (as JSON): used only while the labels are unchanged.
   */
  views?: { labels: string } & { [K in ViewName]: [string, ReportIndex[K] extends Map<string, infer V> ? V : never][] };
}

type ViewName = 'matchText' | 'aliases' | 'sentenceText' | 'sectionText';

/** One normalised glossary entry, as the lexicon keeps it. */
export interface SnapshotGlossaryEntry {
  user: string;
  report: string[];
  latin: boolean;
}

/**
 * The glossary with each report term written once (9,000 citizen words name 700 terms): half
 * the JSON of the plain entries, and start-up parses it.
 */
interface PackedGlossary {
  /** The report terms, referred to by position. */
  terms: string[];
  /** Citizen words, longest first, as the lexicon sorted them. */
  users: string[];
  /** For each citizen word, the positions of its report terms. */
  reports: number[][];
  /** Positions of the citizen words that are English (matched as whole words). */
  latin: number[];
  /** The report's terms that name a body or a platform (`namedBodies`). */
  named: string[];
  /** The report's terms for groups (`groupTerms`). */
  groups: string[];
}

function packGlossary(entries: SnapshotGlossaryEntry[], named: string[], groups: string[]): PackedGlossary {
  const terms = [...new Set(entries.flatMap((e) => e.report))];
  const position = new Map(terms.map((t, i) => [t, i]));
  return {
    terms,
    users: entries.map((e) => e.user),
    reports: entries.map((e) => e.report.map((r) => position.get(r)!)),
    latin: entries.flatMap((e, i) => (e.latin ? [i] : [])),
    named,
    groups,
  };
}

/** The normalised glossary a snapshot carries, as the lexicon takes it. */
export function snapshotGlossary({ terms, users, reports, latin }: PackedGlossary): SnapshotGlossaryEntry[] {
  const english = new Set(latin);
  return users.map((user, i) => ({ user, report: reports[i]!.map((t) => terms[t]!), latin: english.has(i) }));
}

export function createIndexSnapshot(
  document: ReportDocument,
  index: ReportIndex,
  homophones: Map<string, string[]>,
  glossary?: { key: string; entries: SnapshotGlossaryEntry[]; named: string[]; groups: string[] },
  labels?: StructureLabels,
): IndexSnapshot {
  return {
    ...(glossary ? { glossary: { key: glossary.key, ...packGlossary(glossary.entries, glossary.named, glossary.groups) } } : {}),
    ...(labels
      ? {
          views: {
            labels: JSON.stringify(labels),
            matchText: [...index.matchText],
            aliases: [...index.aliases],
            sentenceText: [...index.sentenceText],
            sectionText: [...index.sectionText],
          },
        }
      : {}),
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
  const { views } = snapshot;
  return {
    db,
    ...(views && views.labels === JSON.stringify(labels)
      ? {
          paragraphs: new Map(paragraphs.map((p) => [p.id, p])),
          matchText: new Map(views.matchText),
          aliases: new Map(views.aliases),
          sentenceText: new Map(views.sentenceText),
          sectionText: new Map(views.sectionText),
        }
      : matchingViews(paragraphs, paragraphAliases(paragraphs, labels))),
    embedder,
    dimensions: snapshot.dimensions,
    buildMs: performance.now() - started,
  };
}
