import { Kysely } from 'kysely';
import { D1Dialect } from 'kysely-d1';
import type { Database } from './database.js';
import { migrateToLatest } from './migrate-to-latest.js';
import { type Store, storeOver } from './store.js';

/** The D1 binding's type as kysely-d1 declares it (from @cloudflare/workers-types, which this project does not install). */
export type D1Binding = ConstructorParameters<typeof D1Dialect>[0]['database'];

/** Cloudflare D1 (the `[[d1_databases]]` binding in wrangler.toml), migrated on first open in each isolate. */
export async function openD1Store(database: D1Binding): Promise<Store> {
  const db = new Kysely<Database>({ dialect: new D1Dialect({ database }) });
  await migrateToLatest(db, { transactions: false });
  // The binding belongs to the runtime: nothing to close.
  return storeOver(db, 'd1', async () => {});
}
