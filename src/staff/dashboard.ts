import type { Store } from '../store/store.js';

export interface Dashboard {
  /** The last `days` days, oldest first (UTC dates), zero-filled. */
  perDay: { day: string; answered: number; declined: number }[];
  answered: number;
  declined: number;
  ratedDown: number;
  ratedUp: number;
}

/** The counts behind the review page's charts; the top declined topics come from the review's groups. */
export async function readDashboard(store: Store, days = 14, now = new Date()): Promise<Dashboard> {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1)));
  const since = first.toISOString();
  const turns = await store.db.selectFrom('turns').select(['created_at', 'abstained']).where('created_at', '>=', since).execute();
  const ratings = await store.db
    .selectFrom('feedback')
    .select(['rating', (eb) => eb.fn.countAll<number>().as('n')])
    .where('created_at', '>=', since)
    .groupBy('rating')
    .execute();
  const perDay = Array.from({ length: days }, (_, i) => ({
    day: new Date(first.getTime() + i * 86_400_000).toISOString().slice(0, 10),
    answered: 0,
    declined: 0,
  }));
  const index = new Map(perDay.map((d, i) => [d.day, i]));
  for (const t of turns) {
    const d = perDay[index.get(t.created_at.slice(0, 10)) ?? -1];
    if (d) d[t.abstained ? 'declined' : 'answered']++;
  }
  const rated = (r: 'up' | 'down') => Number(ratings.find((x) => x.rating === r)?.n ?? 0);
  const answered = perDay.reduce((n, d) => n + d.answered, 0);
  return { perDay, answered, declined: turns.length - answered, ratedDown: rated('down'), ratedUp: rated('up') };
}
