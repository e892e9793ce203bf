import type { Kysely, Migration } from 'kysely';

/**
 * Every answered question inserts a turn, and each index on `turns` is paid for on that
 * insert. The conversation and normalised-question indexes (random values: a random page
 * per insert) doubled the cost of recording; the review reads turns by time (`created_at`) and
 * groups that week's rows, which needs neither.
 */
export const lighterTurnIndexes: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's documented type for migrations
  async up(db: Kysely<any>) {
    await db.schema.dropIndex('turns_conversation').execute();
    await db.schema.dropIndex('turns_normalized_question').execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: as in `up`
  async down(db: Kysely<any>) {
    await db.schema.createIndex('turns_normalized_question').on('turns').column('normalized_question').execute();
    await db.schema.createIndex('turns_conversation').on('turns').column('conversation_id').execute();
  },
};
