import type { MiddlewareHandler } from 'hono';
import type { AssetsBinding } from './worker-env.js';

/**
 * The static files for the requests that reach the worker: the paths wrangler.toml sends to it
 * first (`run_worker_first`: the staff review page, once its session is checked) and those no
 * file matched (which the binding answers 404, left to the app's JSON 404).
 */
export function workerAssets(binding: AssetsBinding): MiddlewareHandler {
  return async function assetsAfterWorker(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const file = await binding.fetch(c.req.raw);
    if (file.status === 404) return next();
    // A fetched response's headers cannot be changed; the app adds its own (no-store on the review page).
    return new Response(file.body, file);
  };
}
