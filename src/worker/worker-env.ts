import type { D1Binding } from '../store/open-d1-store.js';

/** Minimal shapes of the Workers bindings this app uses (no @cloudflare/workers-types needed). */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/** The static assets (`[assets] binding` in wrangler.toml). */
export interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

/** Bindings and variables from wrangler.toml, secrets from `wrangler secret put`. */
export interface WorkerEnv {
  RATE_LIMIT_ASK?: RateLimitBinding;
  RATE_LIMIT_SEARCH?: RateLimitBinding;
  RATE_LIMIT_FEEDBACK?: RateLimitBinding;
  RATE_LIMIT_LOGIN?: RateLimitBinding;
  ASSETS?: AssetsBinding;
  /** The D1 database (`[[d1_databases]]` in wrangler.toml); without it nothing is recorded and there is no staff review. */
  DB?: D1Binding;
  [variable: string]: unknown;
}

/** The string variables and secrets only, for `loadConfig` (bindings are objects). */
export function stringVars(env: WorkerEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
