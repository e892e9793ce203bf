import { create, insertMultiple, type AnyOrama } from '@orama/orama';
import type { StructureLabels } from '../corpus/corpus-files.js';
import type { Embedder } from '../embed/embedder.js';
import { normalizeForMatch } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';
import type { Paragraph } from '../types.js';
import { reportSearchIndex } from './report-search-index.js';
import { structureAliases } from './structure-aliases.js';

/** The searchable report: Orama db plus, per paragraph, the normalised text used for matching. */
export interface ReportIndex {
  db: AnyOrama;
  paragraphs: Map<string, Paragraph>;
  /** normalise(section + text + structure aliases), for coverage and required numbers. */
  matchText: Map<string, string>;
  /** Normalised structural aliases per paragraph (文号, 落款, 第五部分…). */
  aliases: Map<string, string[]>;
  /** Each paragraph's sentences, normalised, in the order of `paragraph.sentences` (ranked on every query). */
  sentenceText: Map<string, string[]>;
  /** Each paragraph's section path and structural aliases, normalised: what its sentences speak under. */
  sectionText: Map<string, string>;
  embedder: Embedder;
  /** Width of the paragraph vectors. */
  dimensions: number;
  /** Milliseconds spent building (embedding included). */
  buildMs: number;
}

/** Orama tokenizer that delegates to ours; Orama's stock mandarin tokenizer splits 复议 → 复 / 议 and ignores folding. */
export const chineseTokenizer = {
  language: 'chinese',
  normalizationCache: new Map<string, string>(),
  tokenize: (raw: string) => tokenize(raw),
};

/** The report's db; `index` null keeps Orama's stock index component (what `npm run bench:orama` compares with). */
export function createReportDb(dimensions: number, index: ReturnType<typeof reportSearchIndex> | null = reportSearchIndex()): AnyOrama {
  return create({
    schema: { text: 'string', section: 'string', aliases: 'string', embedding: `vector[${dimensions}]` },
    components: { tokenizer: chineseTokenizer, ...(index ? { index } : {}) },
  } as Parameters<typeof create>[0]);
}

/** The documents indexed for the paragraphs: their text, section path, structural aliases and vector. */
export function reportDocuments(paragraphs: Paragraph[], vectors: number[][], aliases: Map<string, string[]>) {
  return paragraphs.map((p, i) => ({
    id: p.id,
    text: p.text,
    section: p.section,
    aliases: aliases.get(p.id)!.join(' '),
    embedding: vectors[i]!,
  }));
}

/** What gets embedded for a paragraph: its section path and its text. */
export function embeddingInput(p: Paragraph): string {
  return p.kind === 'heading' ? p.text : `${p.section}\n${p.text}`;
}

/** Build the hybrid index over all paragraphs (vectors through the given embedder). */
export async function buildReportIndex(paragraphs: Paragraph[], embedder: Embedder, labels: StructureLabels): Promise<ReportIndex> {
  const started = performance.now();
  const vectors = await embedder.embed(paragraphs.map(embeddingInput));
  // The model decides the width (a configured endpoint may not say it up front).
  const dimensions = vectors[0]?.length ?? embedder.dimensions;
  const db = createReportDb(dimensions);
  const aliases = paragraphAliases(paragraphs, labels);
  const docs = reportDocuments(paragraphs, vectors, aliases);
  await insertMultiple(db, docs);
  // The vector index holds each vector (as 32-bit floats); the stored document need not hold it again
  // as a 64-bit array. Nothing reads it back (hits are used by id), and snapshots get smaller too.
  for (const doc of docs) delete (doc as Partial<typeof doc>).embedding;
  return { db, ...matchingViews(paragraphs, aliases), embedder, dimensions, buildMs: performance.now() - started };
}

/** The structural aliases of every paragraph (第五部分, 文号, 最后一部分…). */
export function paragraphAliases(paragraphs: Paragraph[], labels: StructureLabels): Map<string, string[]> {
  const lastPart = Math.max(...paragraphs.map((p) => p.part ?? 0)) || null;
  return new Map(paragraphs.map((p) => [p.id, structureAliases(p, labels, lastPart)]));
}

/** What retrieval matches against besides the Orama db: cheap to derive, so snapshots do not store it. */
export function matchingViews(
  paragraphs: Paragraph[],
  aliases: Map<string, string[]>,
): Pick<ReportIndex, 'paragraphs' | 'matchText' | 'aliases' | 'sentenceText' | 'sectionText'> {
  return {
    paragraphs: new Map(paragraphs.map((p) => [p.id, p])),
    matchText: new Map(paragraphs.map((p) => [p.id, normalizeForMatch(`${p.section} ${p.text} ${aliases.get(p.id)!.join(' ')}`)])),
    aliases: new Map([...aliases].map(([id, list]) => [id, list.map(normalizeForMatch)])),
    sentenceText: new Map(paragraphs.map((p) => [p.id, p.sentences.map((s) => normalizeForMatch(p.text.slice(s.start, s.end)))])),
    sectionText: new Map(paragraphs.map((p) => [p.id, normalizeForMatch(`${p.section} ${aliases.get(p.id)!.join(' ')}`)])),
  };
}
