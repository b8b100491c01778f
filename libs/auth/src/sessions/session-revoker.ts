import type { EntityManager } from 'typeorm';
import { queryRows } from '@sillok/database';

export type RevocationReason =
  | 'logout'
  | 'revoked'
  | 'refresh_reuse'
  | 'user_disabled'
  | 'role_changed'
  | 'password_changed'
  | 'password_reset'
  | 'mfa_reset';

/**
 * Ends every live session of a user inside the caller's transaction (except `keep`):
 * their access tokens fail on the next request, their refresh tokens are refused. Pending
 * second-step challenges of a login end too: a reset or a disable leaves no half-finished login.
 */
export async function revokeUserSessions(
  manager: EntityManager,
  userId: string,
  reason: RevocationReason,
  keep?: string,
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    manager,
    `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $2
      WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)
      RETURNING id`,
    [userId, reason, keep ?? null],
  );
  await manager.query(`UPDATE auth_mfa_challenges SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [
    userId,
  ]);
  return rows.map((r) => r.id);
}
