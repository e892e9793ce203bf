import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewTurn } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate-to-latest.js';
import type { Store } from '../src/store/store.js';
import { realDatabases } from './real-databases.js';

/** The same checks on a real SQLite file and a real PostgreSQL server (D1: tests/worker.test.ts). */
const { dialects } = realDatabases('store', ['nested']);

function turn(answerId: string, createdAt = new Date().toISOString()): NewTurn {
  return {
    id: crypto.randomUUID(),
    answer_id: answerId,
    conversation_id: 'conversation-1',
    created_at: createdAt,
    question_redacted: '行政复议收到多少件？',
    mode: 'extractive',
    abstained: 0,
    degraded_reason: null,
    cited_ids: '["s4.3"]',
    latency_ms: 12,
    normalized_question: '行政复议收到多少件',
  };
}

describe.each(dialects)('the store on $name', ({ skip, open }) => {
  let store: Store;
  beforeAll(async () => {
    if (!skip) store = await open();
  }, 30_000);
  afterAll(() => store?.close());

  it.skipIf(skip)('creates every table of the issue, and migrating again changes nothing', async () => {
    expect(await migrateToLatest(store.db)).toEqual([]); // already at the latest version
    const now = new Date().toISOString();
    await store.db.insertInto('staff_users').values({ id: 'u1', username: 'wang', password_hash: 'scrypt$…', created_at: now }).execute();
    await expect(
      store.db.insertInto('staff_users').values({ id: 'u2', username: 'wang', password_hash: 'x', created_at: now }).execute(),
    ).rejects.toThrow(/unique|UNIQUE/);
    await store.db
      .insertInto('staff_sessions')
      .values({ id: 'h', user_id: 'u1', csrf_token: 't', created_at: now, expires_at: now })
      .execute();
    await store.db
      .insertInto('audit_log')
      .values({ id: 'a1', user_id: 'u1', action: 'login', target: null, detail: '{}', created_at: now })
      .execute();
    const quotes = JSON.stringify([{ paragraphId: 's4.3', start: 0, end: 10, text: '共收到行政复议申请' }]);
    await store.db
      .insertInto('approved_answers')
      .values({
        id: 'p1',
        normalized_question: 'q',
        question: 'q',
        framing: 'f',
        quotes,
        author: 'wang',
        created_at: now,
        status: 'active',
        withdrawn_reason: null,
      })
      .execute();
    await store.db
      .insertInto('referrals')
      .values({
        id: 'r1',
        normalized_question: 'q',
        question: 'q',
        office: '市司法局',
        phone: '0595-88888888',
        author: 'wang',
        created_at: now,
      })
      .execute();
    await store.db
      .insertInto('vocab_proposals')
      .values({ id: 'v1', report_term: '行政诉讼', citizen_word: '民告官', status: 'proposed', author: 'wang', created_at: now })
      .execute();
    const approved = await store.db.selectFrom('approved_answers').selectAll().executeTakeFirstOrThrow();
    expect(JSON.parse(approved.quotes)).toEqual([{ paragraphId: 's4.3', start: 0, end: 10, text: '共收到行政复议申请' }]);
  });

  it.skipIf(skip)('records a turn once however often its batch is written, and refuses feedback on an unknown answer', async () => {
    await store.insertTurns([turn('a-1'), turn('a-2')]);
    await store.insertTurns([turn('a-1'), turn('a-3')]); // a retried batch
    const ids = await store.db.selectFrom('turns').select('answer_id').where('answer_id', 'like', 'a-%').orderBy('answer_id').execute();
    expect(ids.map((r) => r.answer_id)).toEqual(['a-1', 'a-2', 'a-3']);
    expect(await store.hasTurn('a-2')).toBe(true);
    expect(await store.hasTurn('nope')).toBe(false);
    await store.insertFeedback({ id: 'f1', answer_id: 'a-1', rating: 'down', reason: '不对', created_at: new Date().toISOString() });
    await expect(
      store.insertFeedback({ id: 'f2', answer_id: 'nope', rating: 'up', reason: null, created_at: new Date().toISOString() }),
    ).rejects.toThrow(/foreign key|FOREIGN KEY/i);
    await expect(
      store.db
        .insertInto('feedback')
        .values({ id: 'f3', answer_id: 'a-1', rating: 'meh' as 'up', reason: null, created_at: '' })
        .execute(),
    ).rejects.toThrow(/check|CHECK/i);
  });

  it.skipIf(skip)('writes a large batch in statements the dialect accepts', async () => {
    const many = Array.from({ length: 1_500 }, (_, i) => turn(`bulk-${i}`));
    await store.insertTurns(many);
    const { n } = await store.db
      .selectFrom('turns')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('answer_id', 'like', 'bulk-%')
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(1_500);
  });

  it.skipIf(skip)('purges turns older than the cutoff with their feedback, and keeps the rest', async () => {
    const old = new Date(Date.now() - 200 * 86_400_000).toISOString();
    await store.insertTurns([turn('old-1', old), turn('new-1')]);
    await store.insertFeedback({ id: 'f-old', answer_id: 'old-1', rating: 'up', reason: null, created_at: old });
    const cutoff = new Date(Date.now() - 180 * 86_400_000).toISOString();
    const purged = await store.purgeBefore(cutoff);
    expect(purged).toEqual({ turns: 1, feedback: 1 });
    expect(await store.hasTurn('old-1')).toBe(false);
    expect(await store.hasTurn('new-1')).toBe(true);
  });
});
