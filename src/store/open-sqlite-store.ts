import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database, NewTurn } from './database.js';
import { migrateToLatest } from './migrate-to-latest.js';
import { sqliteTurnWriter, type TurnWriter } from './sqlite-turn-writer.js';
import { type Store, storeOver } from './store.js';

/**
 * The embedded default: one SQLite file, created (with its directory) and migrated on open.
 * better-sqlite3 is loaded here, on first use, so a server on PostgreSQL never loads it.
 *
 * WAL with synchronous=NORMAL: a committed transaction survives the process being killed
 * (SIGKILL, OOM); only a power loss can take the last commits back, never corrupt the file.
 */
export async function openSqliteStore(file: string): Promise<Store> {
  const { default: SQLiteDatabase } = await import('better-sqlite3');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLiteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Another process (a staff CLI) holding the write lock is waited for instead of failing at once.
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  if (file === ':memory:') return storeOver(db, 'sqlite'); // a second connection would see another database
  const writer = threadedTurnInsert(db, file);
  return {
    ...storeOver(db, 'sqlite', async () => {
      await writer.close();
      await db.destroy();
    }),
    insertTurns: writer.insertTurns,
  };
}

/** Columns of `turns` in the order the prepared insert binds them. */
const TURN_COLUMNS = [
  'id',
  'answer_id',
  'conversation_id',
  'created_at',
  'question_redacted',
  'mode',
  'abstained',
  'degraded_reason',
  'cited_ids',
  'latency_ms',
  'normalized_question',
] as const satisfies readonly (keyof NewTurn)[];

/** A turn's values in `TURN_COLUMNS` order (written out: a lookup by column name per value cost as much as the clone). */
function turnRow(t: NewTurn): unknown[] {
  return [
    t.id,
    t.answer_id,
    t.conversation_id ?? null,
    t.created_at,
    t.question_redacted,
    t.mode,
    t.abstained,
    t.degraded_reason ?? null,
    t.cited_ids,
    t.latency_ms,
    t.normalized_question,
  ];
}

/**
 * Rows per multi-row INSERT: one statement step per row costs SQLite about as much as the row
 * itself, and 50 rows × 11 columns stays far below SQLite's 32,766 bound parameters.
 */
const ROWS_PER_STATEMENT = 50;

/**
 * Turns are written by a thread of their own (`sqliteTurnWriter`): Kysely compiles the one-row
 * and the 50-row statements once, the thread keeps them prepared and runs each batch in one
 * transaction.
 */
function threadedTurnInsert(db: Kysely<Database>, file: string): TurnWriter & { insertTurns(turns: NewTurn[]): Promise<void> } {
  const template = Object.fromEntries(TURN_COLUMNS.map((c) => [c, null])) as unknown as NewTurn;
  const insert = (rows: number) =>
    db
      .insertInto('turns')
      .values(Array.from({ length: rows }, () => template))
      .onConflict((oc) => oc.column('answer_id').doNothing())
      .compile().sql;
  const writer = sqliteTurnWriter({
    module: createRequire(import.meta.url).resolve('better-sqlite3'),
    file,
    sql: insert(1),
    many: { sql: insert(ROWS_PER_STATEMENT), rows: ROWS_PER_STATEMENT },
  });
  return {
    ...writer,
    insertTurns: (turns) => (turns.length ? writer.write(turns.map(turnRow)) : Promise.resolve()),
  };
}
