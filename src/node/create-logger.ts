import pino, { type Logger } from 'pino';
import type { Config } from '../config.js';
import { databasePasswords } from '../store/describe-database.js';
import { secretRedactor } from './redact-secrets.js';

export type { Logger };

const destinations = new WeakMap<Logger, { flushSync(): void }>();

/**
 * The server's log: JSON lines on stdout through an asynchronous destination (a synchronous
 * write per request costs about as much as serving a bare request). Every line passes through
 * the secret redactor on its way out, whatever wrote it. Call `flushLog` before exiting.
 */
export function createLogger(config: Config, destination = pino.destination({ dest: 1, sync: false })): Logger {
  const redact = secretRedactor([
    config.openai?.apiKey,
    config.embedding.kind === 'openai' ? config.embedding.apiKey : undefined,
    ...databasePasswords(config.store.databaseUrl),
  ]);
  const logger = pino(
    {
      level: config.logLevel,
      base: undefined, // no pid/hostname on every line
      hooks: { streamWrite: redact },
    },
    destination,
  );
  destinations.set(logger, destination);
  return logger;
}

/** Write out what the asynchronous destination still holds (before `process.exit`). */
export function flushLog(logger: Logger): void {
  try {
    destinations.get(logger)?.flushSync();
  } catch {
    // nothing buffered, or stdout already gone
  }
}
