import type { Context, Hono } from 'hono';
import type { Config } from '../config.js';
import { staffRoutes } from '../http/staff/staff-routes.js';
import type { OverrideBook } from '../staff/override-book.js';
import type { QaService } from '../qa-service.js';
import { createOverrideBook } from '../staff/override-book.js';
import { reverifyApproved } from '../staff/reverify-approved.js';
import type { Store } from '../store/store.js';
import { candidateFile } from './candidate-file.js';
import { nodeLoginLimit } from './node-rate-limits.js';

/**
 * The staff review on Node: approved answers re-verified against the report as it is now (one
 * whose quote is gone is withdrawn and flagged on the review page), the approvals and referrals
 * loaded for answering, login attempts limited per address, candidates written to evals/.
 */
export function staffReview(
  config: Pick<Config, 'staff'>,
  service: QaService,
  store: Store,
  clientAddress: (c: Context) => string,
  log: (line: string) => void,
): { routes: Hono; book: OverrideBook; start(): Promise<void> } {
  const paragraph = (id: string) => service.paragraph(id);
  const book = createOverrideBook(store, paragraph);
  const routes = staffRoutes(service, {
    store,
    book,
    sessionHours: config.staff.sessionHours,
    loginLimit: nodeLoginLimit(config.staff.loginAttemptsPer15Minutes, clientAddress),
    candidates: candidateFile(),
  });
  /** Once the database is open: re-verify the approved answers, then read the decisions for answering. */
  async function start() {
    const { withdrawn, moved } = await reverifyApproved(store, paragraph);
    if (withdrawn.length) log(`${withdrawn.length} approved answer(s) withdrawn: a quote is no longer in the report (see /staff/review)`);
    if (moved.length) log(`${moved.length} approved answer(s) re-anchored: their quotes moved within their paragraphs`);
    await book.reload();
  }
  return { routes, book, start };
}
