import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/create-app.js';
import { reverifyApproved } from '../src/staff/reverify-approved.js';
import { json } from './helpers.js';
import { realDatabases } from './real-databases.js';
import { insertTurn, type LoggedIn, logIn, staffFixture, staffPost } from './staff-fixture.js';

/** Each action on a real SQLite file and a real PostgreSQL server: the queue's grouping, the dashboard's days and the decisions are SQL. */
const { dialects } = realDatabases('staff_actions');

for (const database of dialects)
  describe.skipIf(database.skip)(`staff actions on ${database.name}`, () => {
    const f = staffFixture({ open: database.open });
    let staff: LoggedIn;
    beforeAll(async () => {
      staff = await logIn(f.app);
    });

    const ask = async (question: string, history: { role: string; content: string }[] = []) =>
      json(
        await f.app.request('/api/ask', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ question, history }),
        }),
      );
    const sentence = (id: string, containing: string) => {
      const p = f.service.paragraph(id)!;
      const s = p.sentences.find((x) => p.text.slice(x.start, x.end).includes(containing))!;
      return { paragraphId: id, start: s.start, end: s.end, text: p.text.slice(s.start, s.end) };
    };
    const audited = (action: string) => f.store.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

    describe('approving an answer', () => {
      const question = '行政复议可以在网上办吗？';

      it('gives the next asker (even after the old answer was cached) the approved answer with verified citations', async () => {
        const before = await ask(question);
        expect(before.mode).toBe('extractive');
        const quote = sentence('s4.3', '全国行政复议工作平台');
        const res = await staffPost(f.app, staff, '/api/staff/approved', {
          question,
          framing: '可以，在全国行政复议工作平台在线办理。',
          quotes: [quote],
        });
        expect(res.status).toBe(201);
        for (const asked of [question, '行政復議可以在網上辦嗎', '行政复议可以网上办吗']) {
          const after = await ask(asked);
          expect(after.mode, asked).toBe('approved');
          expect(after.abstained).toBe(false);
          expect(after.answer).toContain('可以，在全国行政复议工作平台在线办理。');
          const [citation] = after.citations;
          expect(citation).toMatchObject({ id: 's4.3', quote: quote.text, start: quote.start, end: quote.end });
          expect(citation.text.slice(citation.start, citation.end)).toBe(citation.quote);
          expect(after.answer).toContain(`${quote.text}[1]`);
        }
        const [row] = await audited('approve');
        expect(row).toMatchObject({ target: (await json(res)).id });
        const saved = await f.store.db.selectFrom('approved_answers').selectAll().executeTakeFirstOrThrow();
        expect(saved.author).toBe('hotline.li');
        expect(Date.now() - Date.parse(saved.created_at)).toBeLessThan(60_000);
      });

      it('leaves other questions to the service: a different figure or topic is answered as before', async () => {
        const offline = await f.service.ask('行政复议纠错率是多少？');
        const { answerId, ...answered } = await ask('行政复议纠错率是多少？');
        expect(answerId).toEqual(expect.any(String)); // each response's own
        expect(answered).toEqual(JSON.parse(JSON.stringify(offline)));
        expect((await ask('2022年行政复议可以在网上办吗？')).mode).not.toBe('approved');
      });

      it('streams the approved answer on /api/chat too', async () => {
        const res = await f.app.request('/api/chat', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: question }] }] }),
        });
        const text = await res.text();
        expect(text).toContain('"mode":"approved"');
      });

      it('refuses quotes that are not verbatim report text (400), and saves nothing', async () => {
        const quote = sentence('s4.3', '全国行政复议工作平台');
        for (const bad of [
          { ...quote, text: `${quote.text}另外还可以电话办理。` },
          { ...quote, text: '行政复议全部网上办理。' },
          { ...quote, paragraphId: 's99.9' },
          { ...quote, start: quote.start + 1 },
          { ...quote, end: 10_000 },
        ]) {
          const res = await staffPost(f.app, staff, '/api/staff/approved', { question: '随便问问', framing: '说明', quotes: [bad] });
          expect(res.status, JSON.stringify(bad)).toBe(400);
          expect((await json(res)).error.message).toMatch(/Not verbatim report text/);
        }
        for (const body of [{}, { question: 'x', framing: 'y', quotes: [] }, 'not an object']) {
          const res = await staffPost(f.app, staff, '/api/staff/approved', body);
          expect(res.status).toBe(400);
        }
        expect(await f.store.db.selectFrom('approved_answers').select('id').execute()).toHaveLength(1);
      });

      it('withdraws at start-up an approved answer whose quote is no longer in the report, and flags it on the review', async () => {
        await f.store.db
          .insertInto('approved_answers')
          .values({
            id: 'gone',
            normalized_question: '复议中心在哪',
            question: '复议中心在哪？',
            framing: '在市政府一楼。',
            quotes: JSON.stringify([{ paragraphId: 's4.3', start: 0, end: 12, text: '复议中心设在市政府一楼。' }]),
            author: 'hotline.li',
            created_at: new Date().toISOString(),
            status: 'active',
            withdrawn_reason: null,
          })
          .execute();
        const changed = await reverifyApproved(f.store, (id) => f.service.paragraph(id));
        expect(changed.withdrawn).toEqual(['gone']);
        const review = await json(await f.app.request('/api/staff/review', { headers: { Cookie: staff.cookie } }));
        const flagged = review.approved.find((a: { id: string }) => a.id === 'gone');
        expect(flagged.status).toBe('withdrawn');
        expect(flagged.withdrawnReason).toContain('复议中心设在市政府一楼');
        await f.book.reload();
        expect((await ask('复议中心在哪？')).mode).not.toBe('approved');
      });

      it('lets staff withdraw an approval: the service answers again (audited)', async () => {
        const { id } = await f.store.db
          .selectFrom('approved_answers')
          .select('id')
          .where('status', '=', 'active')
          .executeTakeFirstOrThrow();
        const res = await staffPost(f.app, staff, `/api/staff/approved/${id}/withdraw`, { reason: '政策已调整' });
        expect(res.status).toBe(200);
        expect((await ask(question)).mode).toBe('extractive');
        expect(await audited('withdraw')).toHaveLength(1);
        expect((await staffPost(f.app, staff, '/api/staff/approved/none/withdraw', { reason: 'x' })).status).toBe(404);
      });
    });

    describe('referring a question the report does not answer', () => {
      it('declines later matching questions with the referral, audited', async () => {
        const question = '办护照去哪里？';
        const res = await staffPost(f.app, staff, '/api/staff/referrals', {
          question,
          office: '石狮市公安局出入境管理大队',
          phone: '0595-88881234',
        });
        expect(res.status).toBe(201);
        for (const asked of [question, '办护照去哪里办', '辦護照去哪裡？']) {
          const answer = await ask(asked);
          expect(answer, asked).toMatchObject({ abstained: true, mode: 'referred', citations: [] });
          expect(answer.answer).toContain('石狮市公安局出入境管理大队');
          expect(answer.answer).toContain('0595-88881234');
        }
        expect((await ask('行政复议纠错率是多少？')).mode).toBe('extractive');
        expect(await audited('refer')).toHaveLength(1);
        const bad = await staffPost(f.app, staff, '/api/staff/referrals', { question, office: '某局', phone: 'call us' });
        expect(bad.status).toBe(400);
      });

      it('can be taken back: the question is answered as before, the audit log keeps what the referral said', async () => {
        const question = '驾驶证到期换证去哪里办？';
        const before = await ask(question);
        const { id } = await json(
          await staffPost(f.app, staff, '/api/staff/referrals', { question, office: '石狮市公安局交警大队', phone: '0595-88885678' }),
        );
        expect((await ask(question)).mode).toBe('referred');
        const res = await staffPost(f.app, staff, `/api/staff/referrals/${id}/withdraw`, {});
        expect(res.status).toBe(200);
        const after = await ask(question);
        expect([after.mode, after.answer]).toEqual([before.mode, before.answer]);
        const [row] = await audited('unrefer');
        expect(row).toMatchObject({ target: id });
        expect(JSON.parse(row!.detail)).toMatchObject({ office: '石狮市公安局交警大队' });
        expect((await staffPost(f.app, staff, `/api/staff/referrals/${id}/withdraw`, {})).status).toBe(404);
      });
    });

    describe('the review queue', () => {
      it('groups declined questions by similarity, lists 👎 answers with their reasons and the week’s most asked', async () => {
        for (const q of ['垃圾分类上门回收怎么预约？', '垃圾分类上门回收如何预约', '垃圾分类上门回收怎么预约？', '公交卡在哪里办？'])
          await insertTurn(f.store, q, { abstained: 1 });
        const disliked = await insertTurn(f.store, '行政复议收到多少件？', { cited_ids: '["s4.3"]' });
        await f.store.db
          .insertInto('feedback')
          .values({ id: 'fb1', answer_id: disliked, rating: 'down', reason: '没说今年的', created_at: new Date().toISOString() })
          .execute();
        const review = await json(await f.app.request('/api/staff/review', { headers: { Cookie: staff.cookie } }));
        const [top] = review.declined;
        expect(top.count).toBe(3);
        expect(top.questions.map((q: { question: string }) => q.question).sort()).toEqual([
          '垃圾分类上门回收如何预约',
          '垃圾分类上门回收怎么预约？',
        ]);
        expect(
          review.declined.find((g: { count: number; questions: { question: string }[] }) => g.questions[0]!.question === '公交卡在哪里办？')
            .count,
        ).toBe(1);
        expect(review.disliked).toEqual([
          expect.objectContaining({
            question: '行政复议收到多少件？',
            reasons: ['没说今年的'],
            downs: 1,
            citations: [{ id: 's4.3', section: expect.stringContaining('行政复议') }],
          }),
        ]);
        expect(review.week[0]).toMatchObject({ question: '垃圾分类上门回收怎么预约？', count: 2, abstained: true });
        expect(review.dashboard.declined).toBe(4);
        expect(review.dashboard.ratedDown).toBe(1);
        expect(review.dashboard.perDay).toHaveLength(14);
        expect(review.dashboard.perDay.at(-1)).toMatchObject({ answered: 1, declined: 4 });
      });
    });

    describe('the staff review is off without a database', () => {
      it('has no staff routes and answers exactly as the service does', async () => {
        const plain = createApp({ service: f.service });
        expect((await plain.request('/api/staff/review')).status).toBe(404);
      });
    });
  });
