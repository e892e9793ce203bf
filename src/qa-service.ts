import { extractiveAnswer, DEFAULT_ANSWER_TUNING, type AnswerTuning } from './answer/extractive-answer.js';
import type { CorpusFiles } from './corpus/corpus-files.js';
import type { Embedder } from './embed/embedder.js';
import { buildReportIndex, type ReportIndex } from './index/report-index.js';
import { ingest } from './ingest/ingest.js';
import { createGramStats } from './retrieve/coverage.js';
import { createLexicon } from './retrieve/lexicon.js';
import { createRetriever, DEFAULT_RETRIEVAL_TUNING, type RetrievalTuning, type Retriever } from './retrieve/retrieve.js';
import type { Answer, ChatTurn, OutlineNode, Paragraph, ReportDocument, SearchHit } from './types.js';

/** What the HTTP API, the CLI and the evals use: one object over one built index. */
export interface QaService {
  document: ReportDocument;
  index: ReportIndex;
  retrieve: Retriever;
  ask(question: string, history?: ChatTurn[]): Promise<Answer>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
  paragraph(id: string): Paragraph | undefined;
  outline(): OutlineNode[];
}

export interface QaServiceOptions {
  corpus: CorpusFiles;
  embedder: Embedder;
  retrievalTuning?: RetrievalTuning;
  answerTuning?: AnswerTuning;
}

/** Ingest the corpus, build the index and wire retrieval and answering together. */
export async function createQaService({ corpus, embedder, retrievalTuning = DEFAULT_RETRIEVAL_TUNING, answerTuning = DEFAULT_ANSWER_TUNING }: QaServiceOptions): Promise<QaService> {
  const document = ingest(corpus.source, corpus.meta);
  const index = await buildReportIndex(document.paragraphs, embedder, corpus.labels);
  const retrieve = createRetriever({
    index,
    lexicon: createLexicon(corpus.glossary, corpus.stopwords, [...index.matchText.values()]),
    stats: createGramStats([...index.matchText.values()]),
    subjectYear: corpus.meta.subjectYear,
    tuning: retrievalTuning,
  });

  return {
    document,
    index,
    retrieve,
    async ask(question, history = []) {
      return extractiveAnswer(await retrieve(question, history), corpus.meta.subjectYear, answerTuning);
    },
    async search(query, limit = 10) {
      const { hits, analysis } = await retrieve(query);
      // Staff search lists only paragraphs that share a word or a number with the query, best first.
      const relevant = (h: (typeof hits)[number]) => h.coverage > 0 || (analysis.required.length > 0 && h.requiredOk);
      return hits.filter(relevant).slice(0, limit).map((h) => ({
        id: h.paragraph.id,
        section: h.paragraph.section,
        text: h.paragraph.text,
        score: h.score,
        coverage: h.coverage,
        spans: h.spans.filter((s) => s.score > 0).slice(0, 3),
      }));
    },
    paragraph: (id) => index.paragraphs.get(id),
    outline: () => document.outline,
  };
}
