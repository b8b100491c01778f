import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, type Actor } from '@sillok/core';
import { MfaPolicy } from '../mfa/mfa-policy.js';
import type { AccessTokenClaims } from '../tokens/access-token.service.js';
import { passwordVersion } from '../tokens/password-version.js';

export interface Principal {
  actor: Actor;
  /** The account is not ready: the password must change, or the second factor is still owed. */
  setupPending: 'password_change' | 'mfa_enrolment' | null;
  /** Reset by two administrators or break-glass, and not yet confirmed by the owner: HELD_AFTER_RESET is refused. */
  resetHeld: boolean;
}

const REVOKED = 'the session has ended; log in again';

/**
 * Turns verified token claims into the acting user by asking the database every time:
 * a disabled account, a changed role or a revoked session stops the very next request.
 * Nothing is cached on purpose.
 */
@Injectable()
export class PrincipalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mfaPolicy: MfaPolicy,
  ) {}

  async resolve(claims: AccessTokenClaims): Promise<Principal> {
    const [row] = (await this.dataSource.query(
      `SELECT u.role, u.status, u.must_change_password AS "mustChangePassword", u.password_hash AS "passwordHash",
              u.mfa_enabled_at IS NOT NULL AS "mfaEnabled",
              (u.reset_request_id IS NOT NULL AND u.reset_confirmed_at IS NULL) AS "resetHeld",
              s.id AS "sessionId", s.mfa_verified AS "mfaVerified"
         FROM users u
         LEFT JOIN auth_sessions s
           ON s.id = $2::uuid AND s.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > now()
        WHERE u.id = $1::uuid`,
      [claims.sub, claims.sid ?? null],
    )) as Array<{
      role: string;
      status: string;
      mustChangePassword: boolean;
      passwordHash: string;
      mfaEnabled: boolean;
      resetHeld: boolean;
      sessionId: string | null;
      mfaVerified: boolean | null;
    }>;
    if (!row || row.status !== 'active' || row.role !== claims.role) throw unauthenticated();

    if (claims.scope === 'mfa_enrolment') {
      // Useless once the factor is confirmed: the login then completes through a session.
      if (row.mfaEnabled || !this.mfaPolicy.requires(row.role)) throw unauthenticated();
      // Issued for a password that has since been reset or changed: dead (issue 23.3).
      if (claims.pwv !== passwordVersion(row.passwordHash)) throw unauthenticated();
      return {
        actor: { userId: claims.sub, role: row.role },
        setupPending: 'mfa_enrolment',
        resetHeld: row.resetHeld,
      };
    }
    if (!row.sessionId) throw unauthenticated();
    // A session begun without the second factor ends when the role comes to need one.
    if (this.mfaPolicy.requires(row.role) && !row.mfaVerified) throw unauthenticated();
    return {
      actor: { userId: claims.sub, role: row.role, sessionId: row.sessionId },
      setupPending: row.mustChangePassword ? 'password_change' : null,
      resetHeld: row.resetHeld,
    };
  }
}

function unauthenticated(): DomainError {
  return new DomainError(ErrorCode.Unauthenticated, REVOKED);
}
