import { type DatabaseIntrospector, type Kysely, Kysely as KyselyClass, type TableMetadata } from 'kysely';
import { D1Dialect } from 'kysely-d1';
import type { Database } from './database.js';
import { migrateToLatest } from './migrate-to-latest.js';
import { type Store, storeOver } from './store.js';

/** The D1 binding's type as kysely-d1 declares it (from @cloudflare/workers-types, which this project does not install). */
export type D1Binding = ConstructorParameters<typeof D1Dialect>[0]['database'];

/**
 * Kysely's SQLite introspector reads every table's columns with `pragma_table_info`, which D1
 * refuses (SQLITE_AUTH) on its internal `_cf_*` tables; the migrator only needs table names,
 * so this one lists names from sqlite_master and leaves D1's own tables out.
 */
class D1TableNames implements DatabaseIntrospector {
  // biome-ignore lint/suspicious/noExplicitAny: introspection reads sqlite_master, which no schema type describes
  constructor(private readonly db: Kysely<any>) {}
  async getSchemas() {
    return [];
  }
  async getTables(): Promise<TableMetadata[]> {
    const rows = await this.db
      .selectFrom('sqlite_master')
      .select('name')
      .where('type', '=', 'table')
      .where('name', 'not like', 'sqlite_%')
      .execute();
    return rows
      .filter((r: { name: string }) => !r.name.startsWith('_cf_'))
      .map((r: { name: string }) => ({ name: r.name, isView: false, columns: [] }));
  }
  async getMetadata() {
    return { tables: await this.getTables() };
  }
}

class D1DialectForMigrations extends D1Dialect {
  // biome-ignore lint/suspicious/noExplicitAny: the Dialect interface's own signature
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new D1TableNames(db);
  }
}

/** Cloudflare D1 (the `[[d1_databases]]` binding in wrangler.toml), migrated on first open in each isolate. */
export async function openD1Store(database: D1Binding): Promise<Store> {
  const db = new KyselyClass<Database>({ dialect: new D1DialectForMigrations({ database }) });
  await migrateToLatest(db, { transactions: false });
  // The binding belongs to the runtime: nothing to close.
  return storeOver(db, 'd1', async () => {});
}
