import { z } from 'zod';

const optionalString = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().optional());

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  EMBEDDING_MODEL: z.string().default('text-embedding-3-small'),
  /** Directory for the embedding cache and the prebuilt index. */
  CACHE_DIR: z.string().default('.cache'),
  /** Largest accepted request body in bytes. */
  BODY_LIMIT: z.coerce.number().int().min(1024).max(1_048_576).default(16_384),
  LOG_REQUESTS: z.enum(['true', 'false', '1', '0']).default('true').transform((v) => v === 'true' || v === '1'),
});

export interface Config {
  port: number;
  host: string;
  /** Set only when an OpenAI-compatible endpoint is configured. Never logged (see `describeConfig`). */
  openai: { apiKey: string; baseURL?: string; embeddingModel: string } | null;
  cacheDir: string;
  bodyLimit: number;
  logRequests: boolean;
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
  return {
    port: e.PORT,
    host: e.HOST,
    openai: e.OPENAI_API_KEY ? { apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL, embeddingModel: e.EMBEDDING_MODEL } : null,
    cacheDir: e.CACHE_DIR,
    bodyLimit: e.BODY_LIMIT,
    logRequests: e.LOG_REQUESTS,
  };
}

/** A printable summary with the secret left out. */
export function describeConfig(config: Config): string {
  const provider = config.openai ? `openai-compatible (${config.openai.baseURL ?? 'api.openai.com'}, embeddings ${config.openai.embeddingModel}, key set)` : 'offline (no API key)';
  return `mode=${provider} host=${config.host} port=${config.port} bodyLimit=${config.bodyLimit}B`;
}
