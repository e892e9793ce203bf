import { randomUUID } from 'node:crypto';
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

/** Create a staff account, or set a new password when the name exists already (`npm run staff:add` again). */
export async function addStaffUser(store: Store, username: string, password: string): Promise<'created' | 'updated'> {
  const problem = accountProblem(username, password);
  if (problem) throw new Error(problem);
  const password_hash = await hashPassword(password);
  const existing = await store.db.selectFrom('staff_users').select('id').where('username', '=', username).executeTakeFirst();
  if (existing) {
    await store.db.updateTable('staff_users').set({ password_hash }).where('id', '=', existing.id).execute();
    // A new password ends the sessions the old one opened.
    await store.db.deleteFrom('staff_sessions').where('user_id', '=', existing.id).execute();
    return 'updated';
  }
  await store.db
    .insertInto('staff_users')
    .values({ id: randomUUID(), username, password_hash, created_at: new Date().toISOString() })
    .execute();
  return 'created';
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
