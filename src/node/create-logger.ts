import pino, { type Logger } from 'pino';
import type { Config } from '../config.js';
import type { RequestLogEntry } from '../http/log-requests.js';
import { databasePasswords } from '../store/describe-database.js';
import { secretRedactor } from './redact-secrets.js';

export type { Logger };

interface Output {
  destination: { write(line: string): unknown; flushSync(): void; flush?(done: (error?: Error) => void): void };
  redact: (line: string) => string;
}
const outputs = new WeakMap<Logger, Output>();

/** The longest a log line waits in the destination's buffer. */
const LOG_FLUSH_MS = 50;

/**
 * The server's log: JSON lines on stdout through an asynchronous destination (a synchronous
 * write per request costs about as much as serving a bare request). Lines are written in
 * batches of 4 KiB, and at least every `LOG_FLUSH_MS`: under load a write per line or two (a
 * libuv thread-pool round trip each) was ~4 % of a repeated question's CPU. Every line passes
 * through the secret redactor on its way out, whatever wrote it. Call `flushLog` before exiting.
 */
export function createLogger(
  config: Config,
  destination = pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: LOG_FLUSH_MS }),
): Logger {
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
  // stdout gone (the process that read it exited): the lines are lost, but the server must go on, and still shut down.
  (destination as { on?: (event: 'error', listener: () => void) => unknown }).on?.('error', () => {});
  outputs.set(logger, { destination, redact });
  return logger;
}

/**
 * `logger.info(entry, 'request')` for the request log, written straight to the logger's
 * destination: the same line, through the same redactor, without pino's general path (its
 * serialisers, bindings and hooks cost a request about as much as three Hono middlewares at
 * 7,000 requests a second). Lines at other levels (a 429 at warn) go through the logger.
 */
export function requestLineWriter(logger: Logger): (entry: RequestLogEntry) => void {
  const output = outputs.get(logger);
  if (!output) return (entry) => logger.info(entry, 'request');
  const { destination, redact } = output;
  const info = pino.levels.values.info;
  return function writeRequestLine({ reqId, method, path, status, ms, client }: RequestLogEntry) {
    if (!logger.isLevelEnabled('info')) return;
    const line =
      `{"level":${info},"time":${Date.now()},"reqId":${JSON.stringify(reqId)},"method":${JSON.stringify(method)}` +
      `,"path":${JSON.stringify(path)},"status":${status},"ms":${ms}` +
      `${client === undefined ? '' : `,"client":${JSON.stringify(client)}`},"msg":"request"}\n`;
    destination.write(redact(line));
  };
}

/** Write out what the asynchronous destination still holds (before `process.exit`). */
export function flushLog(logger: Logger): void {
  try {
    outputs.get(logger)?.destination.flushSync();
  } catch {
    // nothing buffered, or stdout already gone
  }
}

/**
 * Write out what the asynchronous destination still holds, waiting at most `ms`: when stdout is gone (the process
 * that read it has exited), a synchronous flush can wait on the pipe for ever, and the server would never exit.
 */
export function flushLogWithin(logger: Logger, ms = 1_000): Promise<void> {
  const destination = outputs.get(logger)?.destination;
  if (!destination?.flush) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    try {
      destination.flush!(done);
    } catch {
      done();
    }
  });
}
