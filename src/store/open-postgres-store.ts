import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './database.js';
import { migrateToLatest } from './migrate-to-latest.js';
import { type Store, storeOver } from './store.js';

export interface PostgresOptions {
  /** Connections in the pool; recording writes in batches, so a few are enough. */
  poolSize?: number;
  /** A connection not made within this fails, so a database that is down is noticed quickly. */
  connectTimeoutMs?: number;
}

/**
 * PostgreSQL (several replicas share one database) via `pg`, loaded on first use. The pool
 * is created at once but connects lazily; the migration makes the first connection.
 * Connection errors (a database restarting) are kept from crashing the process:
 * the next query fails instead, and the recorder counts what it could not write.
 */
export async function openPostgresStore(
  connectionString: string,
  { poolSize = 4, connectTimeoutMs = 3_000 }: PostgresOptions = {},
): Promise<Store> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: connectTimeoutMs, idleTimeoutMillis: 30_000 });
  pool.on('error', function idleClientError() {
    // a dropped idle connection: the pool replaces it on the next query
  });
  // A connection lost while in use emits 'error' on its client too, which would otherwise be
  // thrown as uncaught and end the process; the query in flight rejects, which is enough.
  pool.on('connect', (client) => client.on('error', function connectionLost() {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return storeOver(db, 'postgres');
}
