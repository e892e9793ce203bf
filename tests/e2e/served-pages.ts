import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from '../../evals/lib/chromium.js';
import { spawnServer, type SpawnedServer } from '../spawn-server.js';

/**
 * The real server (offline) and a Chromium context, for the browser tests of one file: started
 * before its tests, closed after them. Read `server` and `context` inside the tests.
 */
export function servedPages(
  options: Parameters<typeof launch>[0] = {},
  env: Record<string, string> = {},
): {
  readonly server: SpawnedServer;
  readonly context: BrowserContext;
} {
  const state = {} as { server: SpawnedServer; context: BrowserContext };
  beforeAll(async () => {
    state.server = await spawnServer({ OPENAI_API_KEY: '', LOG_REQUESTS: 'false', ...env });
    state.context = await launch(options);
  });
  afterAll(async () => {
    await state.context?.close();
    state.server?.stop();
  });
  return state;
}
