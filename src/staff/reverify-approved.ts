import type { ApprovedQuote } from '../store/database.js';
import type { Store } from '../store/store.js';
import { type ParagraphById, relocateQuote } from './approved-answer.js';

/**
 * At start-up, check every active approved answer against the report as it is now: a quote whose
 * words moved within its paragraph gets its new offsets; one whose words are gone withdraws the
 * answer (status `withdrawn`, with the reason), which the review page flags. Returns what changed.
 */
export async function reverifyApproved(store: Store, paragraph: ParagraphById): Promise<{ withdrawn: string[]; moved: string[] }> {
  const rows = await store.db.selectFrom('approved_answers').select(['id', 'quotes']).where('status', '=', 'active').execute();
  const withdrawn: string[] = [];
  const moved: string[] = [];
  for (const row of rows) {
    const quotes = JSON.parse(row.quotes) as ApprovedQuote[];
    const found = quotes.map((q) => relocateQuote(q, paragraph));
    const lost = quotes.filter((_, i) => !found[i]);
    if (lost.length) {
      const reason = `报告中已找不到引文：${lost.map((q) => `${q.paragraphId}「${q.text.slice(0, 40)}」`).join('；')}`;
      await store.db
        .updateTable('approved_answers')
        .set({ status: 'withdrawn', withdrawn_reason: reason })
        .where('id', '=', row.id)
        .execute();
      withdrawn.push(row.id);
    } else if (found.some((q, i) => q !== quotes[i])) {
      await store.db
        .updateTable('approved_answers')
        .set({ quotes: JSON.stringify(found) })
        .where('id', '=', row.id)
        .execute();
      moved.push(row.id);
    }
  }
  return { withdrawn, moved };
}
