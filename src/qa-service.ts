import { answerLanguage, loadTraditional } from './answer/answer-language.js';
import { answerEvents, collectAnswer, type AnswerEvent } from './answer/answer-events.js';
import { extractiveAnswer, DEFAULT_ANSWER_TUNING, type AnswerTuning } from './answer/extractive-answer.js';
import { historyForAsk, splitAsks, withFurtherAsks } from './answer/several-asks.js';
import { createLlmAnswerer, type LlmAnswerOptions } from './answer/llm-answer.js';
import type { CorpusFiles } from './corpus/corpus-files.js';
import { groupTerms, vocabularyEntries, namedBodies } from './corpus/vocabulary.js';
import type { Embedder } from './embed/embedder.js';
import { buildReportIndex, type ReportIndex } from './index/report-index.js';
import { ingest } from './ingest/ingest.js';
import { createLruCache } from './llm/lru-cache.js';
import { createQueryRewriter, type QueryRewriterOptions } from './llm/rewrite-query.js';
import { createGramStats } from './retrieve/coverage.js';
import { loadPinyin } from './text/pinyin.js';
import { createLexicon, glossaryKey, type Lexicon } from './retrieve/lexicon.js';
import { restoreReportIndex, snapshotGlossary, type IndexSnapshot } from './index/index-snapshot.js';
import { createRetriever, DEFAULT_RETRIEVAL_TUNING, type Retrieval, type RetrievalTuning, type Retriever } from './retrieve/retrieve.js';
import { withoutStory } from './retrieve/split-question.js';
import type { Answer, ChatTurn, OutlineNode, Paragraph, ReportDocument, SearchHit } from './types.js';

/** Declines that say the report seems not to cover the question (not that it lacks the asked figure). */
const STORY_DECLINES = new Set(['no-match', 'low-coverage', 'off-subject']);

/** What the HTTP API, the CLI and the evals use: one object over one built index. */
export interface QaService {
  document: ReportDocument;
  index: ReportIndex;
  lexicon: Lexicon;
  retrieve: Retriever;
  /** `signal` stops a model call when the client leaves (the answer is then not sent anywhere). */
  ask(question: string, history?: ChatTurn[], signal?: AbortSignal): Promise<Answer>;
  /** A model writes answers or rewrites queries: a client that hangs up should stop its call (see `signal`). */
  usesModel: boolean;
  /** The same answer as `ask`, as it is produced (for `/api/chat`); `signal` stops a model call when the client leaves. */
  answerStream(question: string, history?: ChatTurn[], signal?: AbortSignal): AsyncGenerator<AnswerEvent>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
  paragraph(id: string): Paragraph | undefined;
  outline(): OutlineNode[];
}

export interface QaServiceOptions {
  corpus: CorpusFiles;
  embedder: Embedder;
  retrievalTuning?: RetrievalTuning;
  answerTuning?: AnswerTuning;
  /** A model to write answers with; without one, answers are extractive (the offline default). */
  llm?: LlmAnswerOptions;
  /** A model to restate questions in the report's wording before retrieval (search terms only, never answer text). */
  rewrite?: QueryRewriterOptions;
  /** Start from a prebuilt index instead of ingesting and embedding (Workers; see `npm run build:index`). */
  snapshot?: IndexSnapshot;
  /**
   * Offline answers and staff searches kept, least recently used dropped first: the same question
   * (with the same earlier questions) gets the same extractive answer, so it is computed once.
   * 0 keeps none. Answers written by a model are never kept.
   */
  cacheSize?: number;
}

/** The part of a service that depends only on the corpus, the embedder and the tuning: the index, the lexicon and retrieval. */
export interface QaCore {
  document: ReportDocument;
  index: ReportIndex;
  lexicon: Lexicon;
  retrieve: Retriever;
}

/** Ingest the corpus (or restore the snapshot), build the index and the lexicon, and retrieval over them. */
export async function createQaCore({
  corpus,
  embedder,
  retrievalTuning = DEFAULT_RETRIEVAL_TUNING,
  snapshot,
}: Pick<QaServiceOptions, 'corpus' | 'embedder' | 'retrievalTuning' | 'snapshot'>): Promise<QaCore> {
  if (snapshot && snapshot.sha256 !== corpus.meta.sha256)
    throw new Error('index snapshot was built from another version of the report; rebuild it with npm run build:index');
  const document = snapshot?.document ?? ingest(corpus.source, corpus.meta);
  const index = snapshot
    ? restoreReportIndex(snapshot, embedder, corpus.labels)
    : await buildReportIndex(document.paragraphs, embedder, corpus.labels);
  const fromSnapshot =
    snapshot?.glossary && snapshot.glossary.key === (await glossaryKey(corpus.rawVocabulary, corpus.stopwords))
      ? snapshot.glossary
      : undefined;
  const kept = fromSnapshot && snapshotGlossary(fromSnapshot);
  // The vocabulary is read (and validated) only when the snapshot's normalised glossary cannot be used.
  const glossary = fromSnapshot
    ? { entries: [], named: fromSnapshot.named, groups: fromSnapshot.groups }
    : { entries: vocabularyEntries(corpus.vocabulary), named: namedBodies(corpus.vocabulary), groups: groupTerms(corpus.vocabulary) };
  // Without a snapshot the homophone table is computed, in pinyin.
  if (!snapshot?.homophones) await loadPinyin();
  const matchTexts = [...index.matchText.values()];
  const lexicon = createLexicon(glossary, corpus.stopwords, corpus.cues, matchTexts, snapshot?.homophones, kept);
  const retrieve = createRetriever({
    index,
    lexicon,
    stats: createGramStats(matchTexts),
    subjectYear: corpus.meta.subjectYear,
    tuning: retrievalTuning,
  });
  return { document, index, lexicon, retrieve };
}

/**
 * Ingest the corpus, build the index and wire retrieval and answering together; or wire them
 * over `core`, built before by `createQaCore` from the same corpus, embedder, tuning and snapshot.
 */
export async function createQaService(options: QaServiceOptions & { core?: QaCore }): Promise<QaService> {
  const { corpus, answerTuning = DEFAULT_ANSWER_TUNING, llm, rewrite, cacheSize = 0 } = options;
  const { document, index, lexicon, retrieve } = options.core ?? (await createQaCore(options));
  const answerWithModel = llm ? createLlmAnswerer({ maxSuggestions: answerTuning.maxSuggestions, ...llm, document }) : null;
  const rewriteQuery = rewrite ? createQueryRewriter({ ...rewrite, outline: document.outline }) : null;

  // Offline, an answer depends only on the question and the earlier questions: kept, it is computed once.
  const answers = cacheSize > 0 && !answerWithModel && !rewriteQuery ? createLruCache<Answer>(cacheSize) : null;
  const searches = cacheSize > 0 && !rewriteQuery ? createLruCache<SearchHit[]>(cacheSize) : null;

  /** What an answer depends on offline: the question and the earlier questions (not the earlier answers). */
  const answerKey = (question: string, history: ChatTurn[]) =>
    JSON.stringify([question, history.filter((t) => t.role === 'user').map((t) => t.content)]);

  async function* answerStream(question: string, history: ChatTurn[] = [], signal?: AbortSignal): AsyncGenerator<AnswerEvent> {
    if (!answers) return yield* answerOnce(question, history, signal);
    const key = answerKey(question, history);
    const kept = answers.get(key);
    if (kept) return yield* answerEvents(kept);
    return yield* answerAndKeep(key, question, history, signal);
  }

  async function* answerAndKeep(key: string, question: string, history: ChatTurn[], signal?: AbortSignal): AsyncGenerator<AnswerEvent> {
    for await (const event of answerOnce(question, history, signal)) {
      if (event.type === 'final') answers?.set(key, event.answer);
      yield event;
    }
  }

  async function* answerOnce(question: string, history: ChatTurn[], signal?: AbortSignal): AsyncGenerator<AnswerEvent> {
    const terms = rewriteQuery ? await rewriteQuery(question, history, signal) : [];
    // The Traditional tables load on first need (see loadTraditional); this answer needs them.
    if (answerLanguage(question) === 'zh-Hant') await loadTraditional();
    let { retrieval, answer: first } = await readAndAnswer(question, history, terms);
    // 我是开五金店的，上次被查…，听说…，总共省了多少？ A question the report seems not to cover, read without the
    // asker's story (whose words the report does not use), may be answered; a story that names the topic is kept
    // wherever the whole message is answered.
    const shorter = first.abstained && STORY_DECLINES.has(first.declineReason ?? '') ? withoutStory(question) : [];
    for (const reading of shorter) {
      const focused = await readAndAnswer(reading, history, terms);
      if (focused.answer.abstained) continue;
      ({ retrieval, answer: first } = focused);
      break;
    }
    const extractive = await furtherAsks(question, history, terms, first);
    const events = answerWithModel
      ? answerWithModel({ question, history, retrieval, fallback: extractive, signal })
      : answerEvents(extractive);
    if (!rewriteQuery) return yield* events;
    // The terms searched for, for diagnostics: they widened the search and are not part of the answer.
    for await (const event of events) yield event.type === 'final' ? { ...event, answer: { ...event.answer, rewrite: terms } } : event;
  }

  /** A message asking several things (…有多少件？…评估了多少件？): the further asks, each read as a follow-up. */
  async function furtherAsks(question: string, history: ChatTurn[], terms: string[], whole: Answer): Promise<Answer> {
    const asks = splitAsks(question);
    if (whole.abstained || asks.length < 2) return whole;
    const further: Answer[] = [];
    for (let i = 1; i < asks.length; i++) further.push((await readAndAnswer(asks[i]!, historyForAsk(history, asks, i), terms)).answer);
    return withFurtherAsks(whole, further);
  }

  /** One reading of a question: its retrieval (with the rewrite's terms) and the offline answer over it. */
  async function readAndAnswer(question: string, history: ChatTurn[], terms: string[]): Promise<{ retrieval: Retrieval; answer: Answer }> {
    const retrieval = await retrieve(question, history, { extraTerms: terms });
    return { retrieval, answer: extractiveAnswer(retrieval, corpus.meta.subjectYear, answerTuning) };
  }

  return {
    document,
    index,
    lexicon,
    retrieve,
    ask(question, history = [], signal) {
      if (!answers) return collectAnswer(answerOnce(question, history, signal));
      // A kept answer is returned as it is, without running it through the event stream.
      const key = answerKey(question, history);
      const kept = answers.get(key);
      return kept ? Promise.resolve(kept) : collectAnswer(answerAndKeep(key, question, history, signal));
    },
    usesModel: Boolean(answerWithModel || rewriteQuery),
    answerStream,
    async search(query, limit = 10) {
      const key = JSON.stringify([query, limit]);
      const kept = searches?.get(key);
      if (kept) return kept;
      const found = await searchOnce(query, limit);
      searches?.set(key, found);
      return found;
    },
    paragraph: (id) => index.paragraphs.get(id),
    outline: () => document.outline,
  };

  async function searchOnce(query: string, limit: number): Promise<SearchHit[]> {
    const { hits, analysis } = await retrieve(query);
    // Staff search lists only paragraphs that share a word or a number with the query, best first.
    const relevant = (h: (typeof hits)[number]) => h.coverage > 0 || (analysis.required.length > 0 && h.requiredOk);
    return hits
      .filter(relevant)
      .slice(0, limit)
      .map((h) => ({
        id: h.paragraph.id,
        section: h.paragraph.section,
        text: h.paragraph.text,
        score: h.score,
        coverage: h.coverage,
        spans: h.spans.filter((s) => s.score > 0).slice(0, 3),
      }));
  }
}
