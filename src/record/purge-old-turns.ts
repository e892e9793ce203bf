import type { Recorder } from './recorder.js';

const DAY_MS = 86_400_000;

/**
 * LOG_RETENTION_DAYS: delete turns (and their feedback) older than `days`, once as soon as the
 * database is open and then every day. Returns a function that stops the daily run.
 */
export function purgeOldTurns(
  recorder: Pick<Recorder, 'store'>,
  days: number,
  log: (line: string) => void,
  now: () => number = Date.now,
): () => void {
  void purgeOnce(recorder, days, log, now);
  const timer = setInterval(() => void purgeOnce(recorder, days, log, now), DAY_MS);
  timer.unref?.();
  return () => clearInterval(timer);
}

/** One purge (Workers run it once per isolate, where a daily timer would not survive). */
export async function purgeOnce(
  recorder: Pick<Recorder, 'store'>,
  days: number,
  log: (line: string) => void,
  now: () => number = Date.now,
): Promise<void> {
  async function purge() {
    const store = await recorder.store();
    if (!store) return; // the database is down: the next run catches up
    try {
      const cutoff = new Date(now() - days * DAY_MS).toISOString();
      const { turns, feedback } = await store.purgeBefore(cutoff);
      if (turns || feedback) log(`retention: deleted ${turns} turns and ${feedback} feedback older than ${days} days`);
    } catch (error) {
      log(`retention: purge failed: ${(error as Error).message}`);
    }
  }
  await purge();
}
