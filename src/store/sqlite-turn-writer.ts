import { Worker } from 'node:worker_threads';

/**
 * The thread's code, CommonJS evaluated from a string so that the server bundle needs no second
 * entry file. It opens its own connection to the same file (WAL lets readers go on meanwhile)
 * and runs each batch as one transaction: multi-row statements for full chunks, then single rows.
 */
const WRITER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.module);
const db = new SQLite(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
db.pragma('wal_autocheckpoint = 10000');
db.pragma('cache_size = ' + workerData.cacheSize);
const insert = db.prepare(workerData.sql);
const many = workerData.many && { insert: db.prepare(workerData.many.sql), rows: workerData.many.rows };
const insertAll = db.transaction((rows) => {
  let i = 0;
  if (many) for (; i + many.rows <= rows.length; i += many.rows) many.insert.run(rows.slice(i, i + many.rows).flat());
  for (; i < rows.length; i++) insert.run(rows[i]);
});
parentPort.on('message', ({ id, rows }) => {
  try {
    insertAll(rows);
    parentPort.postMessage({ id, ok: true });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: String((error && error.message) || error) });
  }
});
`;

export interface TurnWriter {
  /** Insert rows (values in the statement's parameter order) in one transaction; rejects with the database's error. */
  write(rows: unknown[][]): Promise<void>;
  close(): Promise<void>;
}

/**
 * The writer's page cache, in SQLite's units (negative: KiB). It only appends rows, so a few pages
 * per index are all it rereads; SQLite's default (2 MB) grew resident memory by ~16 MiB over 300,000
 * inserts (evals/_wmem2.mjs, 2026-11-28), 256 KiB by ~3 MiB, at the same insert rate.
 */
const WRITER_CACHE_KIB = 256;

/**
 * Turn inserts on their own thread. The server answers on one thread, and an insert there (index
 * updates, and now and then a WAL checkpoint with its fsync) was taken straight from answering:
 * /api/ask with recording ran at ~80 % of the rate without. Only a structured clone of the batch
 * is left on the answering thread. A dead thread fails every later write (the recorder counts
 * them as dropped), never the process.
 */
export function sqliteTurnWriter({
  module,
  file,
  sql,
  many,
}: {
  module: string;
  file: string;
  /** The one-row INSERT. */
  sql: string;
  /** The same INSERT for `rows` rows at once, used for each full chunk of a batch. */
  many?: { sql: string; rows: number };
}): TurnWriter {
  const worker = new Worker(WRITER_SOURCE, { eval: true, workerData: { module, file, sql, many, cacheSize: -WRITER_CACHE_KIB } });
  // An idle writer does not keep the process alive; one with a write in flight does (shutdown's last flush).
  worker.unref();
  const pending = new Map<number, { resolve(): void; reject(error: Error): void }>();
  let next = 0;
  let dead: Error | null = null;
  worker.on('message', ({ id, ok, error }: { id: number; ok: boolean; error?: string }) => {
    const waiting = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) worker.unref();
    if (ok) waiting?.resolve();
    else waiting?.reject(new Error(error));
  });
  const fail = (error: Error) => {
    dead = error;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', () => fail(dead ?? new Error('the SQLite writer thread stopped')));
  return {
    write(rows) {
      if (dead) return Promise.reject(dead);
      const id = next++;
      return new Promise((resolve, reject) => {
        if (pending.size === 0) worker.ref();
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, rows });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
