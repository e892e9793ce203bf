import { z } from 'zod';
import type { ReportMeta } from '../types.js';
import { questionCuesSchema, type QuestionCues } from './question-cues.js';
import { vocabularySchema, type Vocabulary } from './vocabulary.js';

/** Everything ingestion and retrieval read from `corpus/`, validated once. */
export interface CorpusFiles {
  source: string;
  meta: ReportMeta;
  stopwords: Stopwords;
  labels: StructureLabels;
  cues: QuestionCues;
  /** Validated on first read: a start from a snapshot built from the same file never reads it (see `rawVocabulary`). */
  vocabulary: Vocabulary;
  /** vocabulary.json as read, before validation: what a snapshot's normalised glossary is keyed on. */
  rawVocabulary: unknown;
}

export const reportMetaSchema = z.looseObject({
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  title: z.string(),
  docNumber: z.string(),
  issuer: z.string(),
  subjectYear: z.number().int(),
  dateSigned: z.string(),
});

/** Everyday words → the report's wording, as the lexicon reads them (built from the vocabulary). */
export interface Glossary {
  entries: { user: string[]; report: string[] }[];
}

export const stopwordsSchema = z.object({ particles: z.array(z.string().length(1)), zh: z.array(z.string()), en: z.array(z.string()) });
export type Stopwords = z.infer<typeof stopwordsSchema>;

export const structureLabelsSchema = z.object({
  roles: z.record(z.string(), z.array(z.string())),
  part: z.array(z.string()),
  subpart: z.array(z.string()),
  /** Words for the title of a part (标题, 题目), attached to part headings. */
  heading: z.array(z.string()).default([]),
  /** Extra names of the last numbered part (最后一部分). */
  lastPart: z.array(z.string()).default([]),
});
export type StructureLabels = z.infer<typeof structureLabelsSchema>;

/** Validate raw corpus inputs (from the file system on Node, from bundled imports elsewhere). */
export function parseCorpusFiles(raw: {
  source: string;
  meta: unknown;
  stopwords: unknown;
  labels: unknown;
  cues: unknown;
  vocabulary: unknown;
}): CorpusFiles {
  // The vocabulary is nine tenths of corpus/ and ~15 ms of validation, needed only when the
  // glossary is normalised anew: a snapshot made from the same file carries that work done.
  let vocabulary: Vocabulary | undefined;
  return {
    source: raw.source,
    meta: parseFile(reportMetaSchema, raw.meta, 'report.meta.json') as ReportMeta,
    stopwords: parseFile(stopwordsSchema, raw.stopwords, 'query-stopwords.json'),
    labels: parseFile(structureLabelsSchema, raw.labels, 'structure-labels.json'),
    cues: parseFile(questionCuesSchema, raw.cues, 'question-cues.json'),
    get vocabulary() {
      vocabulary ??= parseFile(vocabularySchema, raw.vocabulary, 'vocabulary.json');
      return vocabulary;
    },
    rawVocabulary: raw.vocabulary,
  };
}

/** A schema's parse whose error names the corpus file and every problem, on one line. */
function parseFile<S extends z.ZodType>(schema: S, value: unknown, file: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ');
  throw new Error(`corpus/${file} is not valid: ${problems}`);
}
