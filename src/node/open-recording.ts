import type { Config } from '../config.js';
import { purgeOldTurns } from '../record/purge-old-turns.js';
import { createRecorder, type Recorder } from '../record/recorder.js';
import { createStore, sqliteFile } from '../store/create-store.js';
import { describeDatabase } from '../store/describe-database.js';

/** The Node server's recorder: PostgreSQL or the SQLite file under DATA_DIR, opened when `start` is called. */
export function nodeRecorder(config: Config, warn: (line: string) => void): Recorder {
  return createRecorder({
    open: () => createStore(config),
    recording: config.store.logQuestions,
    onError: (message) => warn(`[database] ${message}`),
  });
}

/**
 * Open the database after the server listens (readiness is not held up by loading the driver
 * and migrating; turns answered meanwhile wait in the recorder's queue), then purge old turns
 * now and daily. Logs where the database is, never its password.
 */
export async function openRecording(recorder: Recorder, config: Config, log: (line: string) => void): Promise<() => void> {
  const where = describeDatabase({ databaseUrl: config.store.databaseUrl, sqliteFile: sqliteFile(config) });
  const opened = performance.now();
  const store = await recorder.store();
  const recording = config.store.logQuestions ? `recording questions, kept ${config.store.retentionDays} days` : 'LOG_QUESTIONS=false';
  if (store) log(`[startup] database ${where} open in ${(performance.now() - opened).toFixed(0)} ms (${recording})`);
  return purgeOldTurns(recorder, config.store.retentionDays, log);
}
