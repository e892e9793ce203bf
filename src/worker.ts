import type { ExecutionContext } from 'hono';
import { createWorkerApp } from './worker/create-worker-app.js';
import type { WorkerEnv } from './worker/worker-env.js';

type WorkerApp = Awaited<ReturnType<typeof createWorkerApp>>;
let app: Promise<WorkerApp> | null = null;

/** Workers entry: build the app once per isolate (from the prebuilt index, no ingestion), then serve. */
export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    app ??= createWorkerApp(env).catch((error: unknown) => {
      app = null; // a failed start is retried on the next request
      throw error;
    });
    return (await app).fetch(request, env, ctx);
  },
};
