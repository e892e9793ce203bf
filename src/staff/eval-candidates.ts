import type { ApprovedQuote } from '../store/database.js';
import type { Store } from '../store/store.js';
import type { ParagraphById } from './approved-answer.js';
import { matchable, matchScore } from './question-match.js';

/** One line of evals/gold.jsonl (see evals/check-gold.mjs), as a candidate for a person to review before it joins the gold set. */
export interface GoldItem {
  id: string;
  split: 'dev' | 'test';
  category: string;
  question: string;
  answerable: boolean;
  gold: string[];
  facts: string[];
  style: 'citizen';
}

/**
 * Selected turns that staff reviewed, as gold items: a question an approved answer covers is
 * answerable, its gold the quoted paragraphs (at most two, as the gold format allows) and its facts
 * the quotes from them; a question staff referred is a near miss (unanswerable). Turns staff did
 * not decide on are skipped: there is nothing reviewed to say about them. Ids continue after
 * `takenIds`; splits alternate so the two stay balanced.
 */
export async function candidateItems(
  store: Store,
  paragraph: ParagraphById,
  answerIds: string[],
  takenIds: string[],
): Promise<{ items: GoldItem[]; skipped: string[] }> {
  const turns = await store.db.selectFrom('turns').select(['answer_id', 'question_redacted']).where('answer_id', 'in', answerIds).execute();
  const approved = await store.db.selectFrom('approved_answers').select(['question', 'quotes']).where('status', '=', 'active').execute();
  const referred = await store.db.selectFrom('referrals').select(['question']).execute();
  let next = Math.max(0, ...takenIds.map((id) => Number(/^q(\d+)$/.exec(id)?.[1] ?? 0))) + 1;
  const items: GoldItem[] = [];
  const skipped = answerIds.filter((id) => !turns.some((t) => t.answer_id === id));
  for (const turn of turns) {
    const asked = matchable(turn.question_redacted);
    const best = <T extends { question: string }>(rows: T[]) =>
      rows.map((row) => ({ row, score: matchScore(asked, matchable(row.question)) })).sort((a, b) => b.score - a.score)[0];
    const [a, r] = [best(approved), best(referred)];
    const base = {
      id: `q${String(next).padStart(3, '0')}`,
      split: next % 2 ? 'dev' : 'test',
      question: turn.question_redacted,
      style: 'citizen',
    } as const;
    if (a && a.score > 0 && a.score >= (r?.score ?? 0)) {
      const quotes = JSON.parse(a.row.quotes) as ApprovedQuote[];
      const gold = [...new Set(quotes.map((q) => q.paragraphId))].filter((id) => paragraph(id)).slice(0, 2);
      const facts = quotes.filter((q) => gold.includes(q.paragraphId)).map((q) => q.text.replace(/\s+/gu, ''));
      const category = facts.some((f) => /\d/.test(f)) ? 'numeric' : 'service';
      items.push({ ...base, category, answerable: true, gold, facts });
    } else if (r && r.score > 0) {
      items.push({ ...base, category: 'near-miss', answerable: false, gold: [], facts: [] });
    } else {
      skipped.push(turn.answer_id);
      continue;
    }
    next++;
  }
  return { items, skipped };
}
