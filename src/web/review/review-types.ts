import type { Dashboard } from '../../staff/dashboard.js';
import type { AskedQuestion, Review } from '../../staff/review-queue.js';
import type { ApprovedQuote } from '../../store/database.js';

/*
 * What GET /api/staff/review returns (src/http/staff/staff-review-routes.ts). The queue, the
 * dashboard and the quotes are the server's own types (type-only imports, nothing of the server
 * reaches the page's bundle); the decision lists are shaped by the route itself.
 */
export type { AskedQuestion };
export type Quote = ApprovedQuote;

export interface ReviewData extends Review {
  user: string;
  dashboard: Dashboard;
  approved: {
    id: string;
    question: string;
    framing: string;
    quotes: Quote[];
    author: string;
    createdAt: string;
    status: string;
    withdrawnReason: string | null;
  }[];
  referrals: { id: string; question: string; office: string; phone: string; author: string; createdAt: string }[];
  proposals: { id: string; reportTerm: string; citizenWord: string; status: string; author: string }[];
}
