import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openPostgresStore } from '../src/store/open-postgres-store.js';
import { openSqliteStore } from '../src/store/open-sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { type PostgresCluster, postgresAvailable, startPostgres } from './postgres-cluster.js';

/**
 * The same checks on a real SQLite file and a real PostgreSQL server: a throwaway cluster started
 * for the test file (and removed after it), a fresh database (or file) for every `open()`.
 * `sqliteDirs`: directories to create below the temporary one (the store makes them itself).
 */
export function realDatabases(name: string, sqliteDirs: string[] = []) {
  let cluster: PostgresCluster | undefined;
  beforeAll(async () => {
    if (postgresAvailable) cluster = await startPostgres();
  }, 60_000);
  afterAll(() => cluster?.remove());
  let databases = 0;
  const dialects: { name: string; skip: boolean; open: () => Promise<Store> }[] = [
    { name: 'SQLite', skip: false, open: () => openSqliteStore(join(mkdtempSync(join(tmpdir(), `${name}-`)), ...sqliteDirs, 'qa.sqlite')) },
    { name: 'PostgreSQL', skip: !postgresAvailable, open: () => openPostgresStore(cluster!.database(`${name}_${++databases}`)) },
  ];
  /** The running cluster (PostgreSQL tests only). */
  return { dialects, cluster: () => cluster! };
}
