import type { Hono, MiddlewareHandler } from 'hono';
import { createError } from '../../errors.js';
import type { QaService } from '../../qa-service.js';
import { createOverrideBook, type OverrideBook } from '../../staff/override-book.js';
import { reverifyApproved } from '../../staff/reverify-approved.js';
import type { Store } from '../../store/store.js';
import type { CandidateFile } from './staff-action-routes.js';
import { staffRoutes } from './staff-routes.js';

export interface StaffReviewOptions {
  service: QaService;
  /** The recorder's database, opened by `start` (see `deferredStore`). */
  store: Store & { open(): Promise<Store | null> };
  sessionHours: number;
  /** Login attempts per client address (Node: in memory; Workers: a rate-limit binding). */
  loginLimit?: MiddlewareHandler;
  /** Where exported candidates go (Node only: evals/candidates.jsonl). */
  candidates?: CandidateFile;
  log: (line: string) => void;
}

export interface StaffReview {
  routes: Hono;
  /** The approvals and referrals answering consults first. */
  book: OverrideBook;
  /**
   * Open the database, re-verify the approved answers against the report as it is now (one whose
   * quote is gone is withdrawn and flagged on the review page), then read the decisions for
   * answering. Node calls it once the server listens; Workers on first use in each isolate.
   * Rejects with the `unavailable` error when the database cannot be opened.
   */
  start(): Promise<void>;
}

/** The staff review over the recorder's database, the same on Node and Workers; each runtime brings its login limit. */
export function staffReview({ service, store, sessionHours, loginLimit, candidates, log }: StaffReviewOptions): StaffReview {
  const paragraph = (id: string) => service.paragraph(id);
  const book = createOverrideBook(store, paragraph);
  const routes = staffRoutes(service, { store, book, sessionHours, loginLimit, candidates });
  async function start() {
    if (!(await store.open())) throw createError('unavailable', 'the database is unavailable');
    const { withdrawn, moved } = await reverifyApproved(store, paragraph);
    if (withdrawn.length) log(`${withdrawn.length} approved answer(s) withdrawn: a quote is no longer in the report (see /staff/review)`);
    if (moved.length) log(`${moved.length} approved answer(s) re-anchored: their quotes moved within their paragraphs`);
    await book.reload();
  }
  return { routes, book, start };
}
