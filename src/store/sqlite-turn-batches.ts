import type { Database as SQLiteDatabase } from 'better-sqlite3';

/** Inserts rows (values in the statement's parameter order) as one transaction; rejects with the database's error. */
export type TurnBatchWriter = (rows: unknown[][]) => Promise<void>;

export interface TurnStatements {
  /** The one-row INSERT. */
  sql: string;
  /** The same INSERT for `rows` rows at once, used for each full chunk of a batch. */
  many: { sql: string; rows: number };
}

/**
 * Turn inserts on the answering thread, off the request path. A batch (the recorder's, up to
 * 1,000 turns) waits for `setImmediate`, so it runs after the event loop's I/O phase, when the
 * responses of the requests in flight have been written; then it runs as one transaction:
 * multi-row statements for full chunks, then single rows. A write the connection cannot take
 * now (a transaction of its own open, e.g. another store operation) waits for the next turn
 * of the loop.
 *
 * This replaced a writer thread (2026-11-28): the `Worker` with better-sqlite3 loaded held 6–7 MiB
 * of resident memory (RSS after the first question 107 → 100 MiB) for what costs a few
 * microseconds per turn here (multi-row statements, UUID v7 keys appended at the end of their
 * B-trees, two indexes); /api/ask with recording on stayed at 97.8 % of off (bench:load).
 */
export function sqliteTurnBatches(sqlite: SQLiteDatabase, { sql, many }: TurnStatements): TurnBatchWriter {
  const one = sqlite.prepare(sql);
  const chunk = { insert: sqlite.prepare(many.sql), rows: many.rows };
  const insertAll = sqlite.transaction(function insertTurnRows(rows: unknown[][]) {
    let i = 0;
    for (; i + chunk.rows <= rows.length; i += chunk.rows) chunk.insert.run(rows.slice(i, i + chunk.rows).flat());
    for (; i < rows.length; i++) one.run(rows[i]);
  });
  return function writeTurnBatch(rows) {
    return new Promise((resolve, reject) => {
      const attempt = () => {
        if (sqlite.inTransaction) return void setImmediate(attempt);
        try {
          insertAll(rows);
          resolve();
        } catch (error) {
          reject(error);
        }
      };
      setImmediate(attempt);
    });
  };
}
