import { type Kysely, Migrator } from 'kysely';
import { bundledMigrations } from './bundled-migrations.js';
import type { Database } from './database.js';

/**
 * Bring the database to the latest schema. Kysely's migrator records what ran in its own table
 * and locks it, so two replicas starting at once on one PostgreSQL do not both migrate. D1 has
 * no transactions (`transactions: false`). Throws with the failing migration's name.
 */
export async function migrateToLatest(db: Kysely<Database>, { transactions = true } = {}): Promise<string[]> {
  const migrator = new Migrator({ db, provider: bundledMigrations, disableTransactions: !transactions });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error');
    const name = failed ? ` (migration ${failed.migrationName})` : '';
    throw new Error(`database migration failed${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
