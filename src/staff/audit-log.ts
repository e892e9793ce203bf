import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store.js';

export type AuditAction =
  | 'login'
  | 'login-failed'
  | 'logout'
  | 'approve'
  | 'withdraw'
  | 'refer'
  | 'unrefer'
  | 'vocab-propose'
  | 'vocab-accept'
  | 'vocab-reject'
  | 'export';

/** One row per staff action: who, what, on what, when. `detail` never holds a password or a session token. */
export async function audit(
  store: Store,
  userId: string | null,
  action: AuditAction,
  target: string | null = null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await store.db
    .insertInto('audit_log')
    .values({ id: randomUUID(), user_id: userId, action, target, detail: JSON.stringify(detail), created_at: new Date().toISOString() })
    .execute();
}
