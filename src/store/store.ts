import type { Kysely } from 'kysely';
import type { Database, NewFeedback, NewTurn } from './database.js';

export type Dialect = 'sqlite' | 'postgres' | 'd1';

/**
 * The operations the service needs from its database, the same on SQLite, PostgreSQL and D1.
 * `db` is the typed Kysely instance for queries that have no operation here yet (the staff review).
 */
export interface Store {
  readonly dialect: Dialect;
  readonly db: Kysely<Database>;
  /** Insert turns in as few statements as the dialect allows; a turn whose answer_id is stored already is skipped, so a retried batch records nothing twice. */
  insertTurns(turns: NewTurn[]): Promise<void>;
  hasTurn(answerId: string): Promise<boolean>;
  insertFeedback(feedback: NewFeedback): Promise<void>;
  /** Delete turns (and their feedback) recorded before `cutoff` (ISO time), and expired staff sessions. */
  purgeBefore(cutoff: string): Promise<{ turns: number; feedback: number }>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Bound parameters one statement may carry: D1 allows 100; SQLite (32,766 since 3.32) and
 * PostgreSQL (65,535) far more, where a few hundred rows per statement is plenty.
 */
const MAX_PARAMS: Record<Dialect, number> = { sqlite: 8_000, postgres: 8_000, d1: 100 };

/** The `Store` over a migrated Kysely instance. D1 has no transactions, so there each chunk commits on its own. */
export function storeOver(db: Kysely<Database>, dialect: Dialect, close: () => Promise<void> = () => db.destroy()): Store {
  const transactions = dialect !== 'd1';
  return {
    dialect,
    db,
    async insertTurns(turns) {
      if (turns.length === 0) return;
      const columns = Object.keys(turns[0] as object).length;
      const perStatement = Math.max(1, Math.floor(MAX_PARAMS[dialect] / columns));
      const write = async (q: Kysely<Database>) => {
        for (let i = 0; i < turns.length; i += perStatement)
          await q
            .insertInto('turns')
            .values(turns.slice(i, i + perStatement))
            .onConflict((oc) => oc.column('answer_id').doNothing())
            .execute();
      };
      if (transactions) await db.transaction().execute(write);
      else await write(db);
    },
    async hasTurn(answerId) {
      const row = await db.selectFrom('turns').select('id').where('answer_id', '=', answerId).executeTakeFirst();
      return row !== undefined;
    },
    async insertFeedback(feedback) {
      await db.insertInto('feedback').values(feedback).execute();
    },
    async purgeBefore(cutoff) {
      const old = db.selectFrom('turns').select('answer_id').where('created_at', '<', cutoff);
      const feedback = await db.deleteFrom('feedback').where('answer_id', 'in', old).executeTakeFirst();
      const turns = await db.deleteFrom('turns').where('created_at', '<', cutoff).executeTakeFirst();
      await db.deleteFrom('staff_sessions').where('expires_at', '<', new Date().toISOString()).execute();
      return { turns: Number(turns.numDeletedRows), feedback: Number(feedback.numDeletedRows) };
    },
    async ping() {
      await db.selectFrom('turns').select('id').limit(1).execute();
    },
    close,
  };
}
