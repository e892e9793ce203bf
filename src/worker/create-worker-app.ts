import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import meta from '../../corpus/report.meta.json';
import cues from '../../corpus/question-cues.json';
import vocabulary from '../../corpus/vocabulary.json';
import stopwords from '../../corpus/query-stopwords.json';
import labels from '../../corpus/structure-labels.json';
import source from '../../corpus/shishi-2023-fazhi-zhengfu-report.txt';
import contextPrompt from '../../prompts/answer-context.zh.v1.txt';
import systemPrompt from '../../prompts/answer-system.zh.v1.txt';
import rewritePrompt from '../../prompts/rewrite-query.zh.v1.txt';
import snapshot from 'index-snapshot';
import { loadConfig, type Config } from '../config.js';
import { parseCorpusFiles } from '../corpus/corpus-files.js';
import type { Embedder } from '../embed/embedder.js';
import { localHashEmbedder } from '../embed/local-hash-embedder.js';
import { createApp } from '../http/create-app.js';
import { rateLimited } from '../http/rate-limited.js';
import { ANSWER_PROMPT_VERSION, parseAnswerPrompts } from '../llm/answer-prompts.js';
import { parseRewritePrompt, REWRITE_PROMPT_VERSION } from '../llm/rewrite-prompt.js';
import { answerModel, remoteEmbedder, rewriteModel } from '../providers.js';
import { createQaService } from '../qa-service.js';
import { purgeOnce } from '../record/purge-old-turns.js';
import { createRecorder, type Recorder } from '../record/recorder.js';
import { openD1Store } from '../store/open-d1-store.js';
import { workerAssets } from './worker-assets.js';
import { workerStaffReview } from './worker-staff-review.js';
import { stringVars, type RateLimitBinding, type WorkerEnv } from './worker-env.js';

/**
 * The app on Workers: the same Hono app as on Node, built from what the bundle carries (the
 * report, the prompts, the prebuilt index) and configuration from bindings and secrets.
 * Static files (widget.js, the pages) are served by the assets binding before the worker runs,
 * but for the staff review page, which the worker serves once the session is checked. With the
 * D1 binding, turns are recorded and the staff review runs over the same database.
 */
export async function createWorkerApp(env: WorkerEnv) {
  const config = loadConfig({ LOG_REQUESTS: 'false', ...stringVars(env) });
  const corpus = parseCorpusFiles({ source, meta, stopwords, labels, cues, vocabulary });
  const prompts = parseAnswerPrompts({ version: ANSWER_PROMPT_VERSION, system: systemPrompt, context: contextPrompt });
  const rewrite = await rewriteModel(config, parseRewritePrompt({ version: REWRITE_PROMPT_VERSION, system: rewritePrompt }));
  const service = await createQaService({
    corpus,
    embedder: await queryEmbedder(config),
    snapshot,
    llm: await answerModel(config, prompts),
    rewrite,
    cacheSize: config.answerCacheSize,
  });
  const recorder = d1Recorder(env, config);
  const limits = bindingRateLimits(env, config);
  const staff = recorder
    ? workerStaffReview({ service, recorder, sessionHours: config.staff.sessionHours, loginLimit: limits.login })
    : undefined;
  return createApp({
    service,
    recorder,
    staff,
    assets: env.ASSETS ? workerAssets(env.ASSETS) : undefined,
    // No timer survives a finished request on Workers: each turn's write is kept alive by waitUntil.
    defer: (c, work) => c.executionCtx.waitUntil(work),
    bodyLimit: config.bodyLimit,
    chatBodyLimit: config.chatBodyLimit,
    logRequests: config.logRequests,
    corsOrigins: config.corsOrigins,
    rateLimits: limits,
    frameAncestors: config.frameAncestors,
    widget: config.widget,
  });
}

/**
 * Turns go to the D1 binding (`DB` in wrangler.toml), migrated when first opened in an isolate,
 * which also purges turns past LOG_RETENTION_DAYS. Without the binding nothing is recorded.
 */
function d1Recorder(env: WorkerEnv, config: Config): Recorder | undefined {
  const database = env.DB;
  if (!database) return undefined;
  const recorder: Recorder = createRecorder({
    open: async () => {
      const store = await openD1Store(database);
      void purgeOnce({ store: async () => store }, config.store.retentionDays, (line) => console.log(line));
      return store;
    },
    recording: config.store.logQuestions,
    flushMs: 0,
    onError: (message) => console.warn(`[database] ${message}`),
  });
  return recorder;
}

/**
 * Queries must be embedded by the model the snapshot was built with. When that model is not
 * reachable from here, an embedder that always fails makes retrieval use full-text search alone.
 */
async function queryEmbedder(config: Config): Promise<Embedder> {
  const local = localHashEmbedder({ dimensions: snapshot.dimensions });
  if (snapshot.embedder === local.modelId) return local;
  if (config.embedding.kind === 'openai' && snapshot.embedder === `openai:${config.embedding.model}`)
    return remoteEmbedder(config.embedding);
  return {
    modelId: snapshot.embedder,
    dimensions: snapshot.dimensions,
    embed: () => Promise.reject(new Error(`no access to ${snapshot.embedder} for query vectors`)),
  };
}

/** The Workers rate-limit bindings (wrangler.toml), keyed by the client address Cloudflare reports; a limit set to 0 turns one off. */
function bindingRateLimits(
  env: WorkerEnv,
  config: Config,
): { ask?: MiddlewareHandler; search?: MiddlewareHandler; feedback?: MiddlewareHandler; login?: MiddlewareHandler } {
  const keyGenerator = (c: Context) => c.req.header('cf-connecting-ip') ?? 'unknown';
  const limiter = (binding: RateLimitBinding | undefined, perMinute: number) =>
    binding && perMinute > 0 ? rateLimiter({ binding, keyGenerator, handler: rateLimited }) : undefined;
  return {
    ask: limiter(env.RATE_LIMIT_ASK, config.rateLimits.askPerMinute),
    search: limiter(env.RATE_LIMIT_SEARCH, config.rateLimits.searchPerMinute),
    feedback: limiter(env.RATE_LIMIT_FEEDBACK, config.rateLimits.feedbackPerMinute),
    // The binding counts per 10 or 60 seconds (its own limit in wrangler.toml), not per 15 minutes as on Node.
    login: limiter(env.RATE_LIMIT_LOGIN, config.staff.loginAttemptsPer15Minutes),
  };
}
