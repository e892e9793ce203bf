import { serveStatic } from '@hono/node-server/serve-static';
import { describeConfig, loadConfig, type Config } from './config.js';
import { createApp } from './http/create-app.js';
import type { RequestLogEntry } from './http/log-requests.js';
import { checkCacheDir } from './node/check-cache-dir.js';
import { clientAddress } from './node/client-address.js';
import { createLogger, flushLog, flushLogWithin, requestLineWriter, type Logger } from './node/create-logger.js';
import { createNodeService } from './node/create-node-service.js';
import { nodeLoginLimit, nodeRateLimits } from './node/node-rate-limits.js';
import { nodeRecorder, openRecording } from './node/open-recording.js';
import { PUBLIC_DIR, SNAPSHOT_FILE } from './node/project-paths.js';
import { readIndexSnapshot } from './node/read-index-snapshot.js';
import { drain, listen } from './node/serve-node.js';
import { routeConsole } from './node/route-console.js';
import { candidateFile } from './node/candidate-file.js';
import { deferredStore } from './record/deferred-store.js';
import { staffReview } from './http/staff/staff-review.js';

const started = performance.now();

/** Node entry point: read configuration once, load the prebuilt index (or build one), serve the API. */
async function main(config: Config, logger: Logger) {
  if (config.embedding.kind === 'openai') checkCacheDir(config.cacheDir);
  const read = readIndexSnapshot(SNAPSHOT_FILE);
  if ('missing' in read) logger.info(`[startup] ${read.missing}; ingesting the report`);
  const log = (line: string) => logger.warn(`[startup] ${line}`);
  const service = await createNodeService(config, { snapshot: 'snapshot' in read ? read.snapshot : undefined, log });
  const address = clientAddress(config.trustProxy);
  const recorder = nodeRecorder(config, (line) => logger.warn(line));
  const staff = staffReview({
    service,
    // The recorder's database, which opens after the server listens.
    store: deferredStore(recorder),
    sessionHours: config.staff.sessionHours,
    loginLimit: nodeLoginLimit(config.staff.loginAttemptsPer15Minutes, address),
    candidates: candidateFile(),
    log,
  });
  const app = createApp({
    recorder,
    service,
    assets: serveStatic({ root: PUBLIC_DIR }),
    bodyLimit: config.bodyLimit,
    chatBodyLimit: config.chatBodyLimit,
    corsOrigins: config.corsOrigins,
    rateLimits: nodeRateLimits(config.rateLimits, address),
    requestLog: { write: requestLogWriter(config, logger), clientAddress: address },
    frameAncestors: config.frameAncestors,
    widget: config.widget,
    staff,
  });
  const { server, port } = await listen({ fetch: app.fetch, config });
  const how = 'snapshot' in read && service.document === read.snapshot.document ? 'index loaded from snapshot' : 'index built';
  logger.info(
    `[startup] ${service.document.paragraphs.length} paragraphs, ${how} in ${service.index.buildMs.toFixed(0)} ms` +
      `; ${describeConfig(config, service.index.embedder.modelId)}`,
  );
  logger.info(`[startup] listening on http://${config.host}:${port} (ready ${(performance.now() - started).toFixed(0)} ms after start)`);
  // Not awaited: the signal handlers below must be in place while a remote database is still being reached.
  const recording = openRecording(recorder, config, (line) => logger.info(line));
  void recording.then(() => staff.start()).catch((error: Error) => log(`staff review: ${error.message}`));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`[shutdown] ${signal}: finishing requests in flight (up to ${config.server.shutdownTimeoutMs} ms)`);
    const outcome = await drain(server, config.server.shutdownTimeoutMs);
    (await recording)();
    await recorder.close(); // the turns still queued are written before the process exits
    logger.info(`[shutdown] ${outcome === 'drained' ? 'all requests finished' : 'closed the connections still open'}; exiting`);
    await flushLogWithin(logger);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** Request lines at info when LOG_REQUESTS is on; refused requests (429) always, at warn. */
function requestLogWriter(config: Config, logger: Logger) {
  const writeRequestLine = requestLineWriter(logger);
  return function writeRequestLog(entry: RequestLogEntry) {
    if (entry.status === 429) logger.warn(entry, 'rate limited');
    else if (config.logRequests) writeRequestLine(entry);
  };
}

/** A failed start: one line naming the cause, exit code 1. */
function fatal(logger: Logger | undefined, error: unknown): never {
  const message = `[startup] ${(error as Error).message}`.replace(/\s*\n\s*/g, ' ');
  if (logger) {
    logger.fatal(message);
    flushLog(logger);
  } else {
    process.stderr.write(`${message}\n`);
  }
  process.exit(1);
}

let logger: Logger | undefined;
try {
  const config = loadConfig(process.env);
  logger = createLogger(config);
  routeConsole(logger);
  await main(config, logger);
} catch (error) {
  fatal(logger, error);
}
