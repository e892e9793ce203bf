import type { Context } from 'hono';
import type { Recorder } from '../record/recorder.js';
import { type TurnFacts, turnRecord } from '../record/turn-record.js';

/** Keeps a promise running after the response (Workers: `c.executionCtx.waitUntil`); on Node the recorder's timer does. */
export type Defer = (c: Context, work: Promise<unknown>) => void;

export interface TurnRecording {
  recorder?: Recorder;
  defer?: Defer;
}

/**
 * A function that records one answered turn, or does nothing without a recorder. Recording
 * only queues (see `createRecorder`): it never waits for the database and never throws, so an
 * answer is never delayed or lost because of it.
 */
export function turnRecorder({ recorder, defer }: TurnRecording): (c: Context, facts: TurnFacts) => void {
  if (!recorder) return function recordNothing() {};
  return function recordTurn(c, facts) {
    try {
      recorder.record(turnRecord(facts));
      defer?.(c, recorder.flush());
    } catch (error) {
      console.error(`[record] turn not recorded: ${(error as Error).message}`);
    }
  };
}
