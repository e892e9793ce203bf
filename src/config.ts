import proxyAddr from 'proxy-addr';
import { z } from 'zod';

const optionalString = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().optional());
/** A switch that is on unless set to false or 0 (true/false/1/0). */
const onByDefault = z
  .enum(['true', 'false', '1', '0'])
  .default('true')
  .transform((v) => v === 'true' || v === '1');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  EMBEDDING_MODEL: z.string().default('text-embedding-3-small'),
  /** `auto`: the OpenAI-compatible endpoint when a key is set, else local; `local` keeps the offline embedder even with a chat model (DeepSeek has no embeddings). */
  EMBEDDING_PROVIDER: z.enum(['auto', 'local', 'openai']).default('auto'),
  /** Embeddings from another server than the chat model (default: OPENAI_BASE_URL / OPENAI_API_KEY). */
  EMBEDDING_BASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  EMBEDDING_API_KEY: optionalString,
  /** Directory for the embedding cache and the prebuilt index. */
  CACHE_DIR: z.string().default('.cache'),
  /** Largest accepted request body in bytes. */
  BODY_LIMIT: z.coerce.number().int().min(1024).max(1_048_576).default(16_384),
  LOG_REQUESTS: onByDefault,
  /** Chat-completions model that writes answers when OPENAI_API_KEY is set. */
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  /** `retrieved`: the model reads the top paragraphs; `whole-report`: it reads all of them. */
  ANSWER_STRATEGY: z.enum(['retrieved', 'whole-report']).default('retrieved'),
  /** Paragraphs the model reads under the `retrieved` strategy. */
  LLM_CONTEXT_PARAGRAPHS: z.coerce.number().int().min(1).max(50).default(6),
  /** No first token within this → the extractive answer. */
  LLM_FIRST_TOKEN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8_000),
  /** Answer not complete within this → the extractive answer. */
  LLM_TOTAL_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(25_000),
  /** Extra attempts after a 429 / 5xx / refused connection, only while the first-token limit allows. */
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
  /** Before retrieval, one short model call rewrites the question into the report's wording (only with a model configured). */
  LLM_REWRITE: onByDefault,
  /** The rewrite's own deadline: past it the question is searched as asked. */
  LLM_REWRITE_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2_000),
  /** `/api/chat` bodies carry the whole conversation (useChat sends every message back). */
  CHAT_BODY_LIMIT: z.coerce.number().int().min(16_384).max(8_388_608).default(1_048_576),
  /** Questions (/api/ask, /api/chat) per client per minute; 0 turns the limit off. On Workers the binding in wrangler.toml decides. */
  RATE_LIMIT_ASK_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(30),
  /** Staff searches (/api/search, one per keystroke) per client per minute; 0 turns the limit off. */
  RATE_LIMIT_SEARCH_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(600),
  /** Feedback (/api/feedback, 👍/👎) per client per minute; 0 turns the limit off. */
  RATE_LIMIT_FEEDBACK_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(30),
  /** Sites allowed to call the API from a browser (the widget embedded elsewhere): comma-separated origins, or `*`. Empty: same origin only. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim().replace(/\/$/, ''))
        .filter(Boolean),
    )
    .pipe(z.array(z.union([z.literal('*'), z.url({ message: 'CORS_ORIGINS must list origins such as https://www.shishi.gov.cn' })]))),
  /**
   * Which proxies in front of the server may say who the client is (X-Forwarded-For): empty (none:
   * the socket's address), a hop count (`1`: the nearest proxy), or comma-separated addresses/CIDRs
   * (`loopback`, `10.0.0.0/8`, …). Rate limits and logs use the address this yields.
   */
  TRUST_PROXY: z.string().default('').transform(parseTrustProxy),
  /** Time a client has to send the request headers. */
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(10_000),
  /** Time a client has to send the whole request (headers and body); answers may take longer. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(30_000),
  /** An idle keep-alive connection is closed after this (behind a proxy: longer than the proxy's). */
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(5_000),
  /** Open connections beyond this are refused. */
  MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(1_024),
  /** On SIGTERM/SIGINT, answers in flight get this long to finish before the remaining connections are closed. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** Least severe log level written: `debug`, `info`, `warn`, `error`, `silent`. */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Offline answers and staff searches kept in memory (least recently used dropped first); 0 keeps none. */
  ANSWER_CACHE_SIZE: z.coerce.number().int().min(0).max(100_000).default(1_000),
  /** Query vectors kept in memory (least recently used dropped first) with a remote embedding model. */
  EMBEDDING_QUERY_CACHE_SIZE: z.coerce.number().int().min(0).max(1_000_000).default(1_000),
  /** Where the widget sends a citizen whom the report cannot answer, shown on every decline (public text, 1–60 characters). */
  HUMAN_CHANNEL: z.string().trim().min(1).max(60).default('12345政务服务便民热线'),
  /** The link of that channel: `tel:…`, or an http(s) page; empty for none. */
  HUMAN_CHANNEL_URL: z.preprocess(
    // Unset: the national hotline's number; set but empty: the channel is shown without a link.
    (v) => (v === undefined ? 'tel:12345' : typeof v === 'string' && v.trim() === '' ? null : v),
    z
      .string()
      .regex(/^(tel:\+?[0-9][0-9-]{1,19}|https?:\/\/[^\s"<>]+)$/, 'HUMAN_CHANNEL_URL must be tel:12345 or an http(s) address')
      .nullable(),
  ),
  /** Directory of the embedded SQLite database (`qa.sqlite`), created on start; unused with DATABASE_URL. */
  DATA_DIR: z.string().trim().min(1).default('./data'),
  /** PostgreSQL instead of the SQLite file (several replicas): postgres://user:password@host:5432/db. The password is never logged. */
  DATABASE_URL: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'DATABASE_URL must be a postgres:// or postgresql:// address')
      .optional(),
  ),
  /** Record each question (personal data redacted) with its answer's outcome, for the office's review. */
  LOG_QUESTIONS: onByDefault,
  /** Recorded questions and their feedback older than this many days are deleted (on start and daily). */
  LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** A staff login lasts this many hours (the session cookie and its row expire together). */
  STAFF_SESSION_HOURS: z.coerce.number().int().min(1).max(720).default(8),
  /** Staff login attempts per client address per 15 minutes (password guessing); 0 turns the limit off. */
  RATE_LIMIT_LOGIN_PER_15_MINUTES: z.coerce.number().int().min(0).max(10_000).default(10),
  /** Who may show the pages in a frame (CSP frame-ancestors): `self` (default), `none`, or comma-separated origins. */
  FRAME_ANCESTORS: z
    .string()
    .default('self')
    .transform((v) =>
      v
        .split(',')
        .map((o) =>
          o
            .trim()
            .replace(/^'(self|none)'$/, '$1')
            .replace(/\/$/, ''),
        )
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.union([
          z.enum(['self', 'none']),
          z.url({ message: 'FRAME_ANCESTORS must be self, none or origins such as https://www.shishi.gov.cn' }),
        ]),
      ),
    )
    .transform((list) => list.map((o) => (o === 'self' || o === 'none' ? `'${o}'` : o))),
});

/** `TRUST_PROXY` as a hop count or a list proxy-addr understands; `null`: trust no proxy. */
function parseTrustProxy(value: string, ctx: z.RefinementCtx): Config['trustProxy'] {
  const v = value.trim();
  if (v === '' || v === 'false' || v === '0') return null;
  if (/^\d+$/.test(v)) return { hops: Number(v) };
  const addresses = v
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  try {
    proxyAddr.compile(addresses);
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: `TRUST_PROXY: ${(error as Error).message} (a hop count, or addresses/CIDRs such as 10.0.0.0/8)`,
    });
    return z.NEVER;
  }
  return { addresses };
}

export interface Config {
  port: number;
  host: string;
  /** The chat model's OpenAI-compatible endpoint, when configured. The key is never logged (see `describeConfig`). */
  openai: { apiKey: string; baseURL?: string } | null;
  /** Where paragraph and query vectors come from. */
  embedding: { kind: 'local' } | { kind: 'openai'; apiKey: string; baseURL?: string; model: string };
  cacheDir: string;
  bodyLimit: number;
  logRequests: boolean;
  /** How answers are generated when `openai` is set (ignored offline). */
  llm: {
    model: string;
    strategy: 'retrieved' | 'whole-report';
    contextParagraphs: number;
    firstTokenTimeoutMs: number;
    totalTimeoutMs: number;
    maxRetries: number;
    /** The query rewrite before retrieval: on by default when a model is configured. */
    rewrite: { enabled: boolean; timeoutMs: number };
  };
  chatBodyLimit: number;
  /** Origins allowed to call the API cross-origin (`*` for any); empty for same-origin only. */
  corsOrigins: string[];
  /** Requests per client per minute (0: no limit). */
  rateLimits: { askPerMinute: number; searchPerMinute: number; feedbackPerMinute: number };
  /** Proxies trusted to report the client's address; null: the socket's address is the client's. */
  trustProxy: { hops: number } | { addresses: string[] } | null;
  /** Node HTTP server limits and shutdown (ignored on Workers). */
  server: {
    headersTimeoutMs: number;
    requestTimeoutMs: number;
    keepAliveTimeoutMs: number;
    maxConnections: number;
    shutdownTimeoutMs: number;
  };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Query vectors kept in memory with a remote embedding model. */
  embeddingQueryCacheSize: number;
  /** Offline answers and staff searches kept in memory (0: none). */
  answerCacheSize: number;
  /** CSP `frame-ancestors` of the pages: `'self'`, `'none'` or origins. */
  frameAncestors: string[];
  /** Where turns, feedback and the staff review live; `databaseUrl` holds a password: log `describeDatabase`, never it. */
  store: { dataDir: string; databaseUrl: string | null; logQuestions: boolean; retentionDays: number };
  /** The staff review's login: session length, login attempts allowed per address. */
  staff: { sessionHours: number; loginAttemptsPer15Minutes: number };
  /** What the widget may know: public settings only, never a key (served at `/api/widget-config`). */
  widget: WidgetConfig;
}

export interface WidgetConfig {
  /** The human channel every decline points to, e.g. 12345政务服务便民热线 and tel:12345. */
  humanChannel: { label: string; href: string | null };
}

/**
 * The one place configuration is read. Parses an environment (`process.env` on Node,
 * bindings on Workers) and fails with every problem listed when it is invalid.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const embeddingKey = e.EMBEDDING_API_KEY ?? e.OPENAI_API_KEY;
  if (e.EMBEDDING_PROVIDER === 'openai' && !embeddingKey)
    throw new Error('Invalid configuration: EMBEDDING_PROVIDER=openai needs EMBEDDING_API_KEY or OPENAI_API_KEY');
  const remoteEmbeddings = e.EMBEDDING_PROVIDER !== 'local' && embeddingKey;
  return {
    port: e.PORT,
    host: e.HOST,
    openai: e.OPENAI_API_KEY ? { apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL } : null,
    embedding: remoteEmbeddings
      ? { kind: 'openai', apiKey: embeddingKey, baseURL: e.EMBEDDING_BASE_URL ?? e.OPENAI_BASE_URL, model: e.EMBEDDING_MODEL }
      : { kind: 'local' },
    cacheDir: e.CACHE_DIR,
    bodyLimit: e.BODY_LIMIT,
    logRequests: e.LOG_REQUESTS,
    llm: {
      model: e.OPENAI_MODEL,
      strategy: e.ANSWER_STRATEGY,
      contextParagraphs: e.LLM_CONTEXT_PARAGRAPHS,
      firstTokenTimeoutMs: Math.min(e.LLM_FIRST_TOKEN_TIMEOUT_MS, e.LLM_TOTAL_TIMEOUT_MS),
      totalTimeoutMs: e.LLM_TOTAL_TIMEOUT_MS,
      maxRetries: e.LLM_MAX_RETRIES,
      rewrite: { enabled: e.LLM_REWRITE, timeoutMs: e.LLM_REWRITE_TIMEOUT_MS },
    },
    chatBodyLimit: e.CHAT_BODY_LIMIT,
    corsOrigins: e.CORS_ORIGINS,
    rateLimits: {
      askPerMinute: e.RATE_LIMIT_ASK_PER_MINUTE,
      searchPerMinute: e.RATE_LIMIT_SEARCH_PER_MINUTE,
      feedbackPerMinute: e.RATE_LIMIT_FEEDBACK_PER_MINUTE,
    },
    trustProxy: e.TRUST_PROXY,
    server: {
      // Node requires headersTimeout ≤ requestTimeout.
      headersTimeoutMs: Math.min(e.HEADERS_TIMEOUT_MS, e.REQUEST_TIMEOUT_MS),
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: e.MAX_CONNECTIONS,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    },
    logLevel: e.LOG_LEVEL,
    embeddingQueryCacheSize: e.EMBEDDING_QUERY_CACHE_SIZE,
    answerCacheSize: e.ANSWER_CACHE_SIZE,
    frameAncestors: e.FRAME_ANCESTORS,
    store: { dataDir: e.DATA_DIR, databaseUrl: e.DATABASE_URL ?? null, logQuestions: e.LOG_QUESTIONS, retentionDays: e.LOG_RETENTION_DAYS },
    staff: { sessionHours: e.STAFF_SESSION_HOURS, loginAttemptsPer15Minutes: e.RATE_LIMIT_LOGIN_PER_15_MINUTES },
    widget: { humanChannel: { label: e.HUMAN_CHANNEL, href: e.HUMAN_CHANNEL_URL } },
  };
}

/**
 * A printable summary with the secret left out. `embedderInUse` is the model the index was
 * actually built with, when start-up had to fall back from the configured one.
 */
export function describeConfig(config: Config, embedderInUse?: string): string {
  const { llm } = config;
  const answers = `answers ${llm.model} (${llm.strategy}${llm.strategy === 'retrieved' ? ` top ${llm.contextParagraphs}` : ''}, first token ${llm.firstTokenTimeoutMs} ms, total ${llm.totalTimeoutMs} ms, ${llm.maxRetries} retries)`;
  const rewrite = llm.rewrite.enabled ? `query rewrite on (${llm.rewrite.timeoutMs} ms)` : 'query rewrite off';
  const provider = config.openai
    ? `openai-compatible (${config.openai.baseURL ?? 'api.openai.com'}, ${answers}, ${rewrite}, key set)`
    : 'offline (no API key)';
  const { embedding } = config;
  const configured = embedding.kind === 'openai' ? `${embedding.model} at ${embedding.baseURL ?? 'api.openai.com'}` : 'local';
  const fellBack = embedding.kind === 'openai' && embedderInUse !== undefined && embedderInUse !== `openai:${embedding.model}`;
  const vectors = fellBack ? `${embedderInUse} (${configured} failed at start-up)` : configured;
  return `mode=${provider} embeddings=${vectors} host=${config.host} port=${config.port} bodyLimit=${config.bodyLimit}B`;
}
