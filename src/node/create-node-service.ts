import { join } from 'node:path';
import type { Config } from '../config.js';
import { loadCorpusFiles } from '../corpus/load-corpus-files.js';
import { cachedEmbedder } from '../embed/cached-embedder.js';
import type { Embedder } from '../embed/embedder.js';
import { fileVectorStore } from '../embed/file-vector-store.js';
import { localHashEmbedder } from '../embed/local-hash-embedder.js';
import type { LlmAnswerOptions } from '../answer/llm-answer.js';
import type { IndexSnapshot } from '../index/index-snapshot.js';
import { loadAnswerPrompts } from '../llm/load-answer-prompts.js';
import { createLruCache } from '../llm/lru-cache.js';
import { loadRewritePrompt } from '../llm/load-rewrite-prompt.js';
import type { QueryRewriterOptions } from '../llm/rewrite-query.js';
import { answerModel, remoteEmbedder, rewriteModel } from '../providers.js';
import { createQaCore, createQaService, type QaCore, type QaService } from '../qa-service.js';
import type { CorpusFiles } from '../corpus/corpus-files.js';

/**
 * The configured embedding endpoint, or the local embedder offline. Paragraph vectors are kept
 * in a file (CACHE_DIR/embeddings.json), query vectors in a bounded in-memory LRU.
 */
export async function createEmbedder(config: Config): Promise<Embedder> {
  if (config.embedding.kind === 'local') return localHashEmbedder();
  const queries = config.embeddingQueryCacheSize > 0 ? createLruCache<number[]>(config.embeddingQueryCacheSize) : undefined;
  return cachedEmbedder(await remoteEmbedder(config.embedding), fileVectorStore(join(config.cacheDir, 'embeddings.json')), queries);
}

/** The answer model with the prompts read from prompts/; none offline. */
export async function createAnswerModel(config: Config): Promise<LlmAnswerOptions | undefined> {
  return config.openai ? answerModel(config, loadAnswerPrompts()) : undefined;
}

/** The query rewrite with its prompt read from prompts/; none offline or with LLM_REWRITE=false. */
export async function createRewriteModel(config: Config): Promise<QueryRewriterOptions | undefined> {
  return config.openai && config.llm.rewrite.enabled ? rewriteModel(config, loadRewritePrompt()) : undefined;
}

export interface NodeServiceOptions {
  /**
   * `generated` (default): a configured model writes the answers. `extractive`: answers stay
   * extractive even with a model, which then only rewrites queries (the eval compares the two).
   */
  answers?: 'generated' | 'extractive';
  /**
   * The prebuilt index (`npm run build:index`). Used when it was built from this corpus with the
   * embedder in use; otherwise the report is ingested and indexed at start-up, and `log` says why.
   */
  snapshot?: IndexSnapshot;
  /** Start-up notes (a snapshot not used, an embedding endpoint that failed). */
  log?: (line: string) => void;
  /** What `prepareNodeService` built from the same corpus files and `snapshot` (a start from a V8 startup snapshot). */
  prepared?: PreparedService;
}

/** The corpus as read, and the offline core over it and the index snapshot (when it serves the local embedder). */
export interface PreparedService {
  corpus: CorpusFiles;
  core?: QaCore;
}

/**
 * What `createNodeService` reads and builds whatever the configuration, done ahead (for a V8
 * startup snapshot): the corpus, and the index, lexicon and retrieval for the local embedder
 * when `snapshot` serves it, as `createQaService` would build them.
 */
export async function prepareNodeService(snapshot: IndexSnapshot | undefined): Promise<PreparedService> {
  const corpus = loadCorpusFiles();
  const local = localHashEmbedder();
  if (!snapshot || snapshotProblem(snapshot, corpus.meta.sha256, local.modelId)) return { corpus };
  return { corpus, core: await createQaCore({ corpus, embedder: local, snapshot }) };
}

/**
 * The service for the Node entry points. If the configured embedding endpoint cannot embed
 * the report at start-up, the service still starts, on the local embedder, and says so.
 */
export async function createNodeService(
  config: Config,
  { answers = 'generated', snapshot, log = (line) => console.warn(line), prepared }: NodeServiceOptions = {},
): Promise<QaService> {
  const corpus = prepared?.corpus ?? loadCorpusFiles();
  const [embedder, llm, rewrite] = await Promise.all([
    createEmbedder(config),
    answers === 'generated' ? createAnswerModel(config) : undefined,
    createRewriteModel(config),
  ]);
  const problem = snapshot ? snapshotProblem(snapshot, corpus.meta.sha256, embedder.modelId) : '';
  if (problem) log(`index snapshot not used: ${problem}; ingesting the report`);
  // The prepared core was built with the local embedder from this snapshot: usable when that is the embedder.
  const core = !problem && prepared?.core && prepared.core.index.embedder.modelId === embedder.modelId ? prepared.core : undefined;
  try {
    return await createQaService({
      corpus,
      embedder,
      llm,
      rewrite,
      snapshot: problem ? undefined : snapshot,
      cacheSize: config.answerCacheSize,
      core,
    });
  } catch (error) {
    if (config.embedding.kind === 'local') throw error;
    log(`embedding endpoint failed (${(error as Error).message}); falling back to the local embedder`);
    const local = localHashEmbedder();
    const fallback = snapshot && !snapshotProblem(snapshot, corpus.meta.sha256, local.modelId) ? snapshot : undefined;
    return createQaService({ corpus, embedder: local, llm, rewrite, snapshot: fallback, cacheSize: config.answerCacheSize });
  }
}

/** Why a snapshot cannot serve this corpus and embedder, or '' when it can. */
function snapshotProblem(snapshot: IndexSnapshot, sha256: string, modelId: string): string {
  if (snapshot.sha256 !== sha256) return 'it was built from another version of the report';
  if (snapshot.embedder !== modelId) return `its vectors come from ${snapshot.embedder}, queries from ${modelId}`;
  return '';
}
