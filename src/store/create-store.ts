import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Store } from './store.js';

/** The SQLite file under DATA_DIR. */
export function sqliteFile(config: Pick<Config, 'store'>): string {
  return join(config.store.dataDir, 'qa.sqlite');
}

/**
 * The Node server's store: PostgreSQL when DATABASE_URL is set, else the SQLite file under
 * DATA_DIR. Opens and migrates; rejects when the database cannot be reached or migrated.
 * (Workers open D1 from their binding: `openD1Store`.)
 *
 * The dialect's module, and Kysely with it (half a megabyte of the server bundle), is loaded here,
 * when the database opens after the server listens, not compiled before the first request.
 */
export async function createStore(config: Pick<Config, 'store'>): Promise<Store> {
  const { databaseUrl } = config.store;
  if (databaseUrl) return (await import('./open-postgres-store.js')).openPostgresStore(databaseUrl);
  return (await import('./open-sqlite-store.js')).openSqliteStore(sqliteFile(config));
}
