import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCorpusDir } from '../corpus/load-corpus-files.js';
import { serveStatic } from '@hono/node-server/serve-static';
import { describeConfig, loadConfig, type Config } from '../config.js';
import { createApp } from '../http/create-app.js';
import type { RequestLogEntry } from '../http/log-requests.js';
import { checkCacheDir } from './check-cache-dir.js';
import { clientAddress } from './client-address.js';
import { createLogger, flushLog, flushLogWithin, requestLineWriter, type Logger } from './create-logger.js';
import { createNodeService, prepareNodeService, type PreparedService } from './create-node-service.js';
import { nodeLoginLimit, nodeRateLimits } from './node-rate-limits.js';
import { nodeRecorder, openRecording } from './open-recording.js';
import { publicDir, snapshotFile } from './project-paths.js';
import { readIndexSnapshot } from './read-index-snapshot.js';
import { drain, listen } from './serve-node.js';
import { routeConsole } from './route-console.js';
import { candidateFile } from './candidate-file.js';
import { deferredStore } from '../record/deferred-store.js';
import { staffReview } from '../http/staff/staff-review.js';

/**
 * What a start can do before it has a configuration, done once at build time when the server starts
 * from a V8 startup snapshot (src/server-snapshot.ts): the corpus read, and the offline index,
 * lexicon and retrieval built from it and the index snapshot. A plain start (src/server.ts) has none.
 * The parsed index snapshot itself is not kept (its Orama data and packed glossary, ~2 MB of heap,
 * are spent once the core is built): a start whose configuration cannot use the core (a remote
 * embedder) reads the file again, as a plain start does.
 */
export interface PreparedStart {
  service: PreparedService;
  /** A digest of the files these were read from (the index snapshot, corpus/). */
  inputs: string;
}

/** Read and build, for a startup snapshot, what `startServer` would otherwise read and build. */
export async function prepareStart(): Promise<PreparedStart> {
  const inputs = inputsFingerprint();
  const read = readIndexSnapshot(snapshotFile());
  const service = await prepareNodeService('snapshot' in read ? read.snapshot : undefined);
  return { service, inputs };
}

/**
 * The prepared start, unless a file it was read from changed since (the index rebuilt, the corpus
 * edited, without rebuilding the startup snapshot): then the files are read again, as a plain start reads them.
 */
function stillPrepared(prepared: PreparedStart | undefined): PreparedStart | undefined {
  return prepared && prepared.inputs === inputsFingerprint() ? prepared : undefined;
}

/** A digest of the index snapshot and of the files in corpus/ (names and contents): what a prepared start was read from. */
function inputsFingerprint(): string {
  const hash = createHash('sha1');
  const corpus = defaultCorpusDir();
  for (const [name, file] of [
    ['index-snapshot.json', snapshotFile()],
    ...readdirSync(corpus)
      .sort()
      .map((name) => [`corpus/${name}`, join(corpus, name)]),
  ] as const) {
    hash.update(`${name}\0`);
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('-');
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Node entry point: read configuration once, load the prebuilt index (or build one), serve the API. */
async function main(config: Config, logger: Logger, started: number, ahead: PreparedStart | undefined) {
  if (config.embedding.kind === 'openai') checkCacheDir(config.cacheDir);
  const prepared = stillPrepared(ahead);
  // The prepared core serves the local embedder; any other reads the index snapshot as a plain start does.
  const fromCore = prepared?.service.core !== undefined && config.embedding.kind === 'local';
  const read = fromCore ? undefined : readIndexSnapshot(snapshotFile());
  if (read && 'missing' in read) logger.info(`[startup] ${read.missing}; ingesting the report`);
  const log = (line: string) => logger.warn(`[startup] ${line}`);
  const snapshot = read && 'snapshot' in read ? read.snapshot : undefined;
  const service = await createNodeService(config, { snapshot, log, prepared: prepared?.service });
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
    assets: serveStatic({ root: publicDir() }),
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
  const how =
    service.document === (fromCore ? prepared?.service.core?.document : snapshot?.document) ? 'index loaded from snapshot' : 'index built';
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

/**
 * Start the server: configuration from the environment, then `main`; a failure ends the process
 * with one line. `started` is when the process began running this code (for the ready line).
 */
export async function startServer(started: number, prepared?: PreparedStart): Promise<void> {
  let logger: Logger | undefined;
  try {
    const config = loadConfig(process.env);
    logger = createLogger(config);
    routeConsole(logger);
    await main(config, logger, started, prepared);
  } catch (error) {
    fatal(logger, error);
  }
}
