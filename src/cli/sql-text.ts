import { type Compilable, DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import type { Database } from '../store/database.js';

/** Kysely for building statements in SQLite's SQL (D1's) without a database: it compiles, never connects. */
export const sqliteText = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

/**
 * A statement as one line of SQL with its values written in, for `wrangler d1 execute`, which
 * takes no bound parameters. Kysely's SQL for these statements has `?` only as placeholders.
 *
 * @example inlineStatement(sqliteText.deleteFrom('staff_sessions').where('id', '=', "a'b"))
 * // delete from "staff_sessions" where "id" = 'a''b';
 */
export function inlineStatement(query: Compilable): string {
  const { sql, parameters } = query.compile();
  const parts = sql.split('?');
  if (parts.length !== parameters.length + 1) throw new Error(`cannot write ${parameters.length} values into: ${sql}`);
  return `${parts.reduce((text, part, i) => text + literal(parameters[i - 1]) + part)};`;
}

function literal(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  throw new Error(`cannot write a ${typeof value} value into SQL text`);
}
