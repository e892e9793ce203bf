import type { Migration, MigrationProvider } from 'kysely';
import { initialSchema } from './migrations/0001-initial-schema.js';
import { lighterTurnIndexes } from './migrations/0002-lighter-turn-indexes.js';

/**
 * Every migration, in order, as code: esbuild and wrangler bundle them, where Kysely's
 * `FileMigrationProvider` would read a folder at run time that a bundle does not have.
 * Names sort in the order they run; add one here for each new file in migrations/.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial-schema': initialSchema,
  '0002-lighter-turn-indexes': lighterTurnIndexes,
};

export const bundledMigrations: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};
