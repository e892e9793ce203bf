import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { Database, StaffUsersTable } from '../store/database.js';
import type { Store } from '../store/store.js';
import { decoyHash, hashPassword, verifyPassword } from './password-hash.js';

export const MIN_PASSWORD_CHARS = 12;
const USERNAME = /^[\p{L}\p{N}._-]{2,40}$/u;

/** Why a new account cannot be made, or '' when it can. */
export function accountProblem(username: string, password: string): string {
  if (!USERNAME.test(username)) return 'the user name must be 2–40 letters, digits, ".", "_" or "-"';
  if ([...password].length < MIN_PASSWORD_CHARS) return `the password must be at least ${MIN_PASSWORD_CHARS} characters`;
  return '';
}

/** A new account's row: the name checked, the password hashed (scrypt, see `hashPassword`). */
export async function newStaffAccount(username: string, password: string): Promise<Insertable<StaffUsersTable>> {
  const problem = accountProblem(username, password);
  if (problem) throw new Error(problem);
  return { id: randomUUID(), username, password_hash: await hashPassword(password), created_at: new Date().toISOString() };
}

/**
 * The statements that save an account, the same wherever they run (executed by `addStaffUser`,
 * printed for D1 by `npm run staff:add -- --sql`): insert it, or give the existing name its new
 * password; either way its sessions end (a new password ends the sessions the old one opened).
 */
export function saveStaffAccount(db: Kysely<Database>, account: Insertable<StaffUsersTable>) {
  return [
    db
      .insertInto('staff_users')
      .values(account)
      .onConflict((oc) => oc.column('username').doUpdateSet({ password_hash: account.password_hash })),
    db
      .deleteFrom('staff_sessions')
      .where('user_id', 'in', db.selectFrom('staff_users').select('id').where('username', '=', account.username)),
  ];
}

/** Create a staff account, or set a new password when the name exists already (`npm run staff:add` again). */
export async function addStaffUser(store: Store, username: string, password: string): Promise<'created' | 'updated'> {
  const account = await newStaffAccount(username, password);
  const existing = await store.db.selectFrom('staff_users').select('id').where('username', '=', username).executeTakeFirst();
  for (const statement of saveStaffAccount(store.db, account)) await statement.execute();
  return existing ? 'updated' : 'created';
}

export interface StaffUser {
  id: string;
  username: string;
}

/** The account these credentials open, or null. An unknown name costs the same hashing as a wrong password. */
export async function checkCredentials(store: Store, username: string, password: string): Promise<StaffUser | null> {
  const row = await store.db
    .selectFrom('staff_users')
    .select(['id', 'username', 'password_hash'])
    .where('username', '=', username)
    .executeTakeFirst();
  const ok = await verifyPassword(password, row?.password_hash ?? (await decoyHash()));
  return row && ok ? { id: row.id, username: row.username } : null;
}
