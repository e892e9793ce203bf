import { Hono } from 'hono';
import { ServiceError } from '../../errors.js';
import type { QaService } from '../../qa-service.js';
import { normalizeQuestion } from '../../record/normalize-question.js';
import type { Store } from '../../store/store.js';
import { quoteProblem } from '../../staff/approved-answer.js';
import { audit } from '../../staff/audit-log.js';
import type { GoldItem } from '../../staff/eval-candidates.js';
import { candidateItems } from '../../staff/eval-candidates.js';
import type { OverrideBook } from '../../staff/override-book.js';
import { newId } from '../../staff/staff-sessions.js';
import { reportHasTerm } from '../../staff/report-has-term.js';
import { errorResponse } from '../error-response.js';
import { readBody } from './read-body.js';
import { approveSchema, exportSchema, referSchema, vocabDecisionSchema, vocabProposalSchema, withdrawSchema } from './staff-schemas.js';
import type { StaffEnv } from './staff-session.js';

export interface CandidateFile {
  /** The ids the gold set and the candidates file use already. */
  takenIds(): Promise<string[]>;
  append(items: GoldItem[]): Promise<string>;
}

export interface StaffActionOptions {
  store: Store;
  service: QaService;
  book: OverrideBook;
  /** Where exported candidates go (Node: evals/candidates.jsonl); without it export is unavailable. */
  candidates?: CandidateFile;
}

/** Approve, withdraw, refer, propose and decide citizen words, export to the eval set: each audited, each in effect at once. */
export function staffActionRoutes({ store, service, book, candidates }: StaffActionOptions) {
  const app = new Hono<StaffEnv>();
  const now = () => new Date().toISOString();
  const paragraph = (id: string) => service.paragraph(id);

  app.post('/approved', async function approve(c) {
    const { question, framing, quotes } = await readBody(c, approveSchema);
    const problems = quotes.map((q) => quoteProblem(q, paragraph)).filter(Boolean);
    if (problems.length) throw new ServiceError('invalid_request', `Not verbatim report text: ${problems.join('; ')}`);
    const id = newId();
    const { user } = c.get('staff');
    await store.db
      .insertInto('approved_answers')
      .values({
        id,
        normalized_question: normalizeQuestion(question),
        question,
        framing,
        quotes: JSON.stringify(quotes.map(({ paragraphId, start, end, text }) => ({ paragraphId, start, end, text }))),
        author: user.username,
        created_at: now(),
        status: 'active',
        withdrawn_reason: null,
      })
      .execute();
    await book.reload();
    await audit(store, user.id, 'approve', id, { question, quotes: quotes.map((q) => `${q.paragraphId}:${q.start}-${q.end}`) });
    return c.json({ id }, 201);
  });

  app.post('/approved/:id/withdraw', async function withdraw(c) {
    const { reason } = await readBody(c, withdrawSchema);
    const id = c.req.param('id');
    const done = await store.db
      .updateTable('approved_answers')
      .set({ status: 'withdrawn', withdrawn_reason: reason })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) return errorResponse(c, 'not_found', `No active approved answer ${id}.`);
    await book.reload();
    await audit(store, c.get('staff').user.id, 'withdraw', id, { reason });
    return c.json({ id, status: 'withdrawn' }, 200);
  });

  app.post('/referrals', async function refer(c) {
    const { question, office, phone } = await readBody(c, referSchema);
    const id = newId();
    const { user } = c.get('staff');
    await store.db
      .insertInto('referrals')
      .values({ id, normalized_question: normalizeQuestion(question), question, office, phone, author: user.username, created_at: now() })
      .execute();
    await book.reload();
    await audit(store, user.id, 'refer', id, { question, office, phone });
    return c.json({ id }, 201);
  });

  app.post('/referrals/:id/withdraw', async function unrefer(c) {
    const id = c.req.param('id');
    const referral = await store.db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
    if (!referral) return errorResponse(c, 'not_found', `No referral ${id}.`);
    // The row goes; the audit log keeps what it said and who took it back.
    await store.db.deleteFrom('referrals').where('id', '=', id).execute();
    await book.reload();
    const { question, office, phone } = referral;
    await audit(store, c.get('staff').user.id, 'unrefer', id, { question, office, phone });
    return c.json({ id, status: 'withdrawn' }, 200);
  });

  app.post('/vocab', async function propose(c) {
    const { reportTerm, citizenWord } = await readBody(c, vocabProposalSchema);
    const report = service.document.paragraphs.map((p) => p.text).join('\n');
    if (!reportHasTerm(report, reportTerm)) throw new ServiceError('invalid_request', `The report does not use the term “${reportTerm}”.`);
    if (reportHasTerm(reportTerm, citizenWord) && reportHasTerm(citizenWord, reportTerm))
      throw new ServiceError('invalid_request', 'The citizen word is the report term itself.');
    const id = newId();
    const { user } = c.get('staff');
    await store.db
      .insertInto('vocab_proposals')
      .values({ id, report_term: reportTerm, citizen_word: citizenWord, status: 'proposed', author: user.username, created_at: now() })
      .execute();
    await audit(store, user.id, 'vocab-propose', id, { reportTerm, citizenWord });
    return c.json({ id }, 201);
  });

  app.post('/vocab/:id', async function decide(c) {
    const { status } = await readBody(c, vocabDecisionSchema);
    const id = c.req.param('id');
    const done = await store.db.updateTable('vocab_proposals').set({ status }).where('id', '=', id).executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) return errorResponse(c, 'not_found', `No vocabulary proposal ${id}.`);
    await audit(store, c.get('staff').user.id, status === 'accepted' ? 'vocab-accept' : 'vocab-reject', id);
    return c.json({ id, status }, 200);
  });

  app.post('/export', async function exportCandidates(c) {
    const { answerIds } = await readBody(c, exportSchema);
    if (!candidates) throw new ServiceError('not_found', 'Exporting to the eval set is only available on the Node server.');
    const { items, skipped } = await candidateItems(store, paragraph, answerIds, await candidates.takenIds());
    const file = items.length ? await candidates.append(items) : '';
    await audit(store, c.get('staff').user.id, 'export', file || null, { ids: items.map((i) => i.id), skipped: skipped.length });
    return c.json({ written: items.map((i) => ({ id: i.id, question: i.question, answerable: i.answerable })), skipped }, 200);
  });
  return app;
}
