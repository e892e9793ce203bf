import type { MiddlewareHandler } from 'hono';
import { type StaffReview, type StaffReviewOptions, staffReview } from '../http/staff/staff-review.js';
import { deferredStore } from '../record/deferred-store.js';
import type { Recorder } from '../record/recorder.js';

export type WorkerStaffOptions = Pick<StaffReviewOptions, 'service' | 'sessionHours' | 'loginLimit'> & { recorder: Recorder };

/**
 * The staff review on Workers, over the D1 store the recorder opens. No timer outlives a request
 * there, so what Node does once the server listens (open the database, re-verify the approved
 * answers, read the decisions) happens on first use in each isolate, before the request that needs
 * it goes on: a cold isolate's first citizen already gets the approved answer. The later re-reads
 * (another isolate's approvals, at most `maxAgeMs` old) run in the background, kept alive by
 * `waitUntil`. Export to the eval set writes a file in the repository: Node only.
 */
export function workerStaffReview({ recorder, ...options }: WorkerStaffOptions): StaffReview & { prepare: MiddlewareHandler } {
  const staff = staffReview({ ...options, store: deferredStore(recorder), log: (line) => console.log(`[staff] ${line}`) });
  let started: Promise<void> | null = null;
  return {
    ...staff,
    prepare: async function startOnFirstUse(c, next) {
      if (!started) {
        started = staff.start().catch((error: unknown) => {
          started = null; // tried again by a later request (the recorder waits a few seconds between attempts to open)
          throw error;
        });
        // Other requests of this isolate wait for it too: it must not be cut off if this client goes away.
        c.executionCtx.waitUntil(started.catch(() => {}));
      }
      try {
        await started;
      } catch (error) {
        // Answers go on without staff decisions; the staff API answers 503 (`deferredStore`).
        console.warn(`[staff] not started: ${(error as Error).message}`);
      }
      const reread = staff.book.refresh();
      if (reread) c.executionCtx.waitUntil(reread);
      await next();
    },
  };
}
