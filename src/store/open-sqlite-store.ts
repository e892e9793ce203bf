import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './database.js';
import { migrateToLatest } from './migrate-to-latest.js';
import { type Store, storeOver } from './store.js';

/**
 * The embedded default: one SQLite file, created (with its directory) and migrated on open.
 * better-sqlite3 is loaded here, on first use, so a server on PostgreSQL never loads it.
 *
 * WAL with synchronous=NORMAL: a committed transaction survives the process being killed
 * (SIGKILL, OOM); only a power loss can take the last commits back, never corrupt the file.
 */
export async function openSqliteStore(file: string): Promise<Store> {
  const { default: SQLite } = await import('better-sqlite3');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
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
  return storeOver(db, 'sqlite');
}
