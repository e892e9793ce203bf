import { Hono } from 'hono';
import type { QaService } from '../../qa-service.js';
import type { ApprovedQuote } from '../../store/database.js';
import type { Store } from '../../store/store.js';
import { readDashboard } from '../../staff/dashboard.js';
import { readReview } from '../../staff/review-queue.js';
import type { StaffEnv } from './staff-session.js';

/** What the review page shows: the queue, the dashboard's counts, and what staff decided so far. */
export function staffReviewRoutes(store: Store, service: QaService) {
  const app = new Hono<StaffEnv>();
  app.get('/review', async function review(c) {
    const paragraph = (id: string) => service.paragraph(id);
    const [queue, dashboard, approved, referrals, proposals] = await Promise.all([
      readReview(store, paragraph),
      readDashboard(store),
      store.db.selectFrom('approved_answers').selectAll().orderBy('created_at', 'desc').limit(200).execute(),
      store.db.selectFrom('referrals').selectAll().orderBy('created_at', 'desc').limit(200).execute(),
      store.db.selectFrom('vocab_proposals').selectAll().orderBy('created_at', 'desc').limit(200).execute(),
    ]);
    return c.json(
      {
        user: c.get('staff').user.username,
        ...queue,
        dashboard,
        approved: approved.map((a) => ({
          id: a.id,
          question: a.question,
          framing: a.framing,
          quotes: JSON.parse(a.quotes) as ApprovedQuote[],
          author: a.author,
          createdAt: a.created_at,
          status: a.status,
          withdrawnReason: a.withdrawn_reason,
        })),
        referrals: referrals.map((r) => ({
          id: r.id,
          question: r.question,
          office: r.office,
          phone: r.phone,
          author: r.author,
          createdAt: r.created_at,
        })),
        proposals: proposals.map((p) => ({
          id: p.id,
          reportTerm: p.report_term,
          citizenWord: p.citizen_word,
          status: p.status,
          author: p.author,
          createdAt: p.created_at,
        })),
      },
      200,
    );
  });
  return app;
}
