import type { NewTurn } from '../store/database.js';
import type { Dialect, Store } from '../store/store.js';

/** `starting`: being opened; `ok`: the last write succeeded; `degraded`: the last open or write failed. */
export type DatabaseState = 'starting' | 'ok' | 'degraded';

export interface RecorderStatus {
  state: DatabaseState;
  dialect: Dialect | null;
  /** Whether turns are recorded (LOG_QUESTIONS); the database still opens for feedback and staff when they are not. */
  recording: boolean;
  queued: number;
  recorded: number;
  /** Turns not recorded because the queue was full or the database failed, since start. */
  dropped: number;
}

export interface RecorderOptions {
  /** Opens (and migrates) the database; called again, at most every `reopenMs`, after a failure. */
  open: () => Promise<Store>;
  /** LOG_QUESTIONS: when false, `record` does nothing. */
  recording?: boolean;
  /** Turns per write. */
  batchSize?: number;
  /** A turn waits at most this long before its batch is written; 0: only `flush()` writes (Workers' waitUntil). */
  flushMs?: number;
  /** Turns waiting beyond this are dropped (and counted): a database that is down never grows memory. */
  maxQueue?: number;
  reopenMs?: number;
  /** One line per failure to open or write (no question text is in it). */
  onError?: (message: string) => void;
}

export interface Recorder {
  /** Queue a turn; never waits and never throws. */
  record(turn: NewTurn): void;
  /** Whether a turn with this answer id waits in the queue (feedback on it flushes first). */
  isQueued(answerId: string): boolean;
  /** Write everything queued; resolves when done (failures are counted, not thrown). */
  flush(): Promise<void>;
  /** The open store, or null when the database cannot be reached now. */
  store(): Promise<Store | null>;
  status(): RecorderStatus;
  /** Flush, then close the database. */
  close(): Promise<void>;
}

/**
 * Records turns off the request path: `record` only pushes onto a bounded queue; a timer
 * (`flushMs`) or a full batch writes them in one statement-batch per `batchSize`. The database
 * opens in the background (the server listens first); turns recorded meanwhile wait in the queue.
 *
 * What a crash loses: a turn is committed at most `flushMs` (+ one write) after it was
 * answered, so a SIGKILL loses only the turns answered in that window (never more than
 * `maxQueue`); each batch is one transaction, so nothing is half-written.
 */
export function createRecorder({
  open,
  recording = true,
  batchSize = 1_000,
  flushMs = 200,
  maxQueue = 10_000,
  reopenMs = 5_000,
  onError = () => {},
}: RecorderOptions): Recorder {
  const queue: NewTurn[] = [];
  const queuedIds = new Set<string>();
  let state: DatabaseState = 'starting';
  let opened: Store | null = null;
  let opening: Promise<Store | null> | null = null;
  let failedAt = Number.NEGATIVE_INFINITY;
  let flushing: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let recorded = 0;
  let dropped = 0;

  function store(): Promise<Store | null> {
    if (opened) return Promise.resolve(opened);
    if (opening) return opening;
    if (Date.now() - failedAt < reopenMs) return Promise.resolve(null);
    if (failedAt === Number.NEGATIVE_INFINITY) state = 'starting'; // a retry after a failure stays `degraded` until it succeeds
    opening = open().then(
      (s) => {
        opened = s;
        state = 'ok';
        opening = null;
        return s;
      },
      (error: unknown) => {
        failedAt = Date.now();
        state = 'degraded';
        opening = null;
        onError(`cannot open the database: ${(error as Error).message}`);
        return null;
      },
    );
    return opening;
  }

  async function writeQueued(): Promise<void> {
    while (queue.length) {
      const batch = queue.splice(0, batchSize);
      const target = await store();
      try {
        if (!target) throw new Error('database unavailable');
        await target.insertTurns(batch);
        recorded += batch.length;
        state = 'ok';
      } catch (error) {
        dropped += batch.length;
        if (target) {
          state = 'degraded';
          onError(`${batch.length} turns not recorded: ${(error as Error).message}`);
        }
      } finally {
        for (const turn of batch) queuedIds.delete(turn.answer_id);
      }
    }
  }

  function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    // One writer at a time: a flush asked for during a write runs after it, so everything queued
    // when flush() was called is written (or counted as dropped) when its promise resolves.
    if (flushing) return flushing.then(() => (queue.length ? flush() : undefined));
    flushing = writeQueued().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  return {
    record(turn) {
      if (!recording) return;
      if (queue.length >= maxQueue) {
        dropped++;
        return;
      }
      queue.push(turn);
      queuedIds.add(turn.answer_id);
      if (flushMs === 0) return;
      if (queue.length % batchSize === 0)
        void flush(); // a full batch goes at once, not per turn after it
      else if (!timer) {
        timer = setTimeout(flush, flushMs);
        timer.unref?.();
      }
    },
    isQueued: (answerId) => queuedIds.has(answerId),
    flush,
    store,
    status: () => ({ state, dialect: opened?.dialect ?? null, recording, queued: queue.length, recorded, dropped }),
    async close() {
      await flush();
      await opened?.close();
      opened = null;
    },
  };
}
