import { randomBytes, randomUUID } from 'node:crypto';
import { sha256Hex } from '../text/sha256-hex.js';
import type { Store } from '../store/store.js';
import type { StaffUser } from './staff-accounts.js';

export interface StaffSession {
  user: StaffUser;
  /** Sent back by the page in the X-CSRF-Token header with every change. */
  csrfToken: string;
  /** The session row's id (the token's hash), for logout. */
  id: string;
}

const token = () => randomBytes(32).toString('base64url');

/**
 * Open a session: the cookie gets a random token, the database only its SHA-256 (a copy of the
 * table opens no session). Returns the token for the cookie.
 */
export async function openSession(
  store: Store,
  user: StaffUser,
  hours: number,
  now = new Date(),
): Promise<{ token: string; session: StaffSession }> {
  const cookie = token();
  const id = await sha256Hex(cookie);
  const csrfToken = token();
  await store.db
    .insertInto('staff_sessions')
    .values({
      id,
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + hours * 3_600_000).toISOString(),
    })
    .execute();
  return { token: cookie, session: { user, csrfToken, id } };
}

/** The live session a cookie token opens, or null (unknown, or expired). */
export async function findSession(store: Store, cookie: string | undefined, now = new Date()): Promise<StaffSession | null> {
  if (!cookie || cookie.length > 100) return null;
  const id = await sha256Hex(cookie);
  const row = await store.db
    .selectFrom('staff_sessions')
    .innerJoin('staff_users', 'staff_users.id', 'staff_sessions.user_id')
    .select([
      'staff_sessions.id',
      'staff_sessions.csrf_token',
      'staff_sessions.expires_at',
      'staff_users.id as user_id',
      'staff_users.username',
    ])
    .where('staff_sessions.id', '=', id)
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  return { id: row.id, csrfToken: row.csrf_token, user: { id: row.user_id, username: row.username } };
}

export async function closeSession(store: Store, id: string): Promise<void> {
  await store.db.deleteFrom('staff_sessions').where('id', '=', id).execute();
}

/** For ids of rows the staff create (approved answers, referrals, proposals). */
export const newId = () => randomUUID();
