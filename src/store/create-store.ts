import { join } from 'node:path';
import type { Config } from '../config.js';
import { openPostgresStore } from './open-postgres-store.js';
import { openSqliteStore } from './open-sqlite-store.js';
import type { Store } from './store.js';

/** The SQLite file under DATA_DIR. */
export function sqliteFile(config: Pick<Config, 'store'>): string {
  return join(config.store.dataDir, 'qa.sqlite');
}

/**
 * The Node server's store: PostgreSQL when DATABASE_URL is set, else the SQLite file under
 * DATA_DIR. Opens and migrates; rejects when the database cannot be reached or migrated.
 * (Workers open D1 from their binding: `openD1Store`.)
 */
export function createStore(config: Pick<Config, 'store'>): Promise<Store> {
  const { databaseUrl } = config.store;
  return databaseUrl ? openPostgresStore(databaseUrl) : openSqliteStore(sqliteFile(config));
}
