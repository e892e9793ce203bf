import { createError } from '../errors.js';
import type { Recorder } from './recorder.js';
import type { Store } from '../store/store.js';

/**
 * The recorder's database as a `Store` that exists before the database is open: the server
 * listens first (opening the driver and migrating would hold up readiness) and a database that
 * is down must not stop answers. Until `open()` has succeeded, using it throws the `unavailable`
 * error (a 503 JSON at the edge); staff retry in a moment.
 */
export function deferredStore(recorder: Recorder): Store & { open(): Promise<Store | null> } {
  let opened: Store | null = null;
  const real = (): Store => {
    if (!opened) throw createError('unavailable', 'The database is not open yet or is unavailable; try again in a moment.');
    return opened;
  };
  return {
    async open() {
      opened = await recorder.store();
      return opened;
    },
    get dialect() {
      return real().dialect;
    },
    get db() {
      return real().db;
    },
    insertTurns: (turns) => real().insertTurns(turns),
    hasTurn: (answerId) => real().hasTurn(answerId),
    insertFeedback: (feedback) => real().insertFeedback(feedback),
    purgeBefore: (cutoff) => real().purgeBefore(cutoff),
    ping: () => real().ping(),
    close: async () => {}, // the recorder owns the database and closes it
  };
}
