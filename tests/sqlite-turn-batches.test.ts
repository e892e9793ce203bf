import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteTurnBatches } from '../src/store/sqlite-turn-batches.js';

/** Two columns are enough to see what the writer does with rows, chunks and transactions. */
const STATEMENTS = {
  sql: 'insert into t (a, b) values (?, ?)',
  many: { sql: `insert into t (a, b) values ${Array.from({ length: 50 }, () => '(?, ?)').join(', ')}`, rows: 50 },
};

describe('turn batches on the server’s own SQLite connection', () => {
  let db: SQLite.Database;
  const count = () => (db.prepare('select count(*) as n from t').get() as { n: number }).n;
  beforeEach(() => {
    db = new SQLite(':memory:');
    db.exec('create table t (a integer not null, b text not null)');
  });
  afterEach(() => db.close());

  it('writes every row of a batch, in order, full chunks of 50 and then single rows', async () => {
    const write = sqliteTurnBatches(db, STATEMENTS);
    await write(Array.from({ length: 123 }, (_, i) => [i, `row ${i}`]));
    const rows = db.prepare('select a, b from t order by rowid').all() as { a: number; b: string }[];
    expect(rows.map((r) => r.a)).toEqual(Array.from({ length: 123 }, (_, i) => i));
    expect(rows[122]).toEqual({ a: 122, b: 'row 122' });
  });

  it('leaves the request path: nothing is written before the event loop has turned', async () => {
    const write = sqliteTurnBatches(db, STATEMENTS);
    const written = write([[1, 'a']]);
    await Promise.resolve(); // the microtasks of the request that recorded it
    expect(count()).toBe(0);
    await written;
    expect(count()).toBe(1);
  });

  it('waits while the connection is inside another transaction, so a rollback there cannot take the turns with it', async () => {
    const write = sqliteTurnBatches(db, STATEMENTS);
    db.exec('begin');
    db.exec("insert into t (a, b) values (-1, 'rolled back')");
    const written = write([[1, 'a']]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(db.inTransaction).toBe(true);
    db.exec('rollback');
    await written;
    expect(db.prepare('select a from t').all()).toEqual([{ a: 1 }]);
  });

  it('rejects with the database error, and the batch is not half-written', async () => {
    const write = sqliteTurnBatches(db, STATEMENTS);
    await expect(
      write([
        [1, 'a'],
        [2, null],
      ]),
    ).rejects.toThrow(/NOT NULL/);
    expect(count()).toBe(0);
  });
});
