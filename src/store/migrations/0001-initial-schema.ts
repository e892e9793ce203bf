import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The first schema: every table of the operations issue. Written once and never edited: a
 * change is a new migration. Types are the ones SQLite, PostgreSQL and D1 all have (text,
 * integer); see `Database` for what each column holds.
 */
export const initialSchema: Migration = {
  // A migration sees the database as it was when it was written, not today's `Database` type.
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's documented type for migrations
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('turns')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('answer_id', 'text', (c) => c.notNull().unique())
      .addColumn('conversation_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('question_redacted', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('abstained', 'integer', (c) => c.notNull())
      .addColumn('degraded_reason', 'text')
      .addColumn('cited_ids', 'text', (c) => c.notNull())
      .addColumn('latency_ms', 'integer', (c) => c.notNull())
      .addColumn('normalized_question', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('turns_created_at').on('turns').column('created_at').execute();
    await db.schema.createIndex('turns_normalized_question').on('turns').column('normalized_question').execute();
    await db.schema.createIndex('turns_conversation').on('turns').column('conversation_id').execute();

    await db.schema
      .createTable('feedback')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('answer_id', 'text', (c) => c.notNull().references('turns.answer_id').onDelete('cascade'))
      .addColumn('rating', 'text', (c) => c.notNull().check(sqlIn('rating', ['up', 'down'])))
      .addColumn('reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('feedback_answer').on('feedback').column('answer_id').execute();

    await db.schema
      .createTable('staff_users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('staff_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('staff_sessions_expires').on('staff_sessions').column('expires_at').execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text')
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_created_at').on('audit_log').column('created_at').execute();

    await db.schema
      .createTable('approved_answers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('normalized_question', 'text', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('framing', 'text', (c) => c.notNull())
      .addColumn('quotes', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['active', 'withdrawn'])))
      .addColumn('withdrawn_reason', 'text')
      .execute();
    await db.schema.createIndex('approved_answers_question').on('approved_answers').column('normalized_question').execute();

    await db.schema
      .createTable('referrals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('normalized_question', 'text', (c) => c.notNull())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('office', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('referrals_question').on('referrals').column('normalized_question').execute();

    await db.schema
      .createTable('vocab_proposals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('report_term', 'text', (c) => c.notNull())
      .addColumn('citizen_word', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['proposed', 'accepted', 'rejected'])))
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },

  // biome-ignore lint/suspicious/noExplicitAny: as in `up`
  async down(db: Kysely<any>) {
    for (const table of [
      'vocab_proposals',
      'referrals',
      'approved_answers',
      'audit_log',
      'staff_sessions',
      'staff_users',
      'feedback',
      'turns',
    ])
      await db.schema.dropTable(table).execute();
  },
};

/** `column IN ('a', 'b')` for a CHECK constraint; the values are constants of this file, never input. */
function sqlIn(column: string, values: string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}
