import { hkdfSync } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { Settings } from '@sillok/config';
import { DomainError, ErrorCode, type Actor } from '@sillok/core';
import { queryRows } from '@sillok/database';
import { AttemptLedger } from '../login/attempt-ledger.js';
import { SessionService } from '../sessions/session.service.js';
import { User } from '../users/user.entity.js';
import { MfaPolicy } from './mfa-policy.js';
import { RecoveryCode } from './recovery-code.entity.js';
import {
  hashRecoveryCode,
  looksLikeTotpCode,
  newRecoveryCodes,
  SEALED_RECOVERY_CODE_PREFIX,
  sealRecoveryCode,
  sealRecoveryDigest,
} from './recovery-codes.js';
import { matchTotp, newTotpSecret, totpUri } from './totp.js';
import { TotpSecretCipher } from './totp-secret-cipher.js';
import type { MfaConfirmationResponse, MfaEnrolmentResponse } from './mfa.responses.js';

/** TOTP second factor: enrolment, confirmation, checking a login code or a recovery code, removal. */
@Injectable()
export class MfaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cipher: TotpSecretCipher,
    private readonly policy: MfaPolicy,
    private readonly sessions: SessionService,
    private readonly settings: Settings,
    private readonly attempts: AttemptLedger,
  ) {
    this.recoveryKey = Buffer.from(
      hkdfSync('sha256', settings.MFA_ENCRYPTION_KEY, 'sillok', 'sillok/mfa/recovery-code/hmac-sha256', 32),
    );
  }

  /** HMAC key of the stored recovery codes: an HKDF sub-key of MFA_ENCRYPTION_KEY. */
  private readonly recoveryKey: Buffer;

  /** A new secret, pending until a first code confirms it. Refused while a second factor is active. */
  async enrol(actor: Actor): Promise<MfaEnrolmentResponse> {
    const user = await this.userOf(actor);
    if (user.mfaEnabledAt) {
      throw new DomainError(ErrorCode.Conflict, 'a second factor is already active; remove it before enrolling again');
    }
    const secret = newTotpSecret();
    await this.audit.transaction(async (manager, audit) => {
      await manager
        .getRepository(User)
        .update(user.id, { mfaSecretEncrypted: this.cipher.encrypt(secret), updatedAt: new Date() });
      audit({ action: AuditAction.AuthMfaEnrolled, subjectType: 'user', subjectId: user.id });
    });
    return { otpauthUri: totpUri(this.settings.MFA_ISSUER, user.email, secret), secret };
  }

  async confirm(actor: Actor, code: string): Promise<MfaConfirmationResponse> {
    const user = await this.userOf(actor);
    if (user.mfaEnabledAt) throw new DomainError(ErrorCode.Conflict, 'the second factor is already confirmed');
    if (!user.mfaSecretEncrypted) throw new DomainError(ErrorCode.Conflict, 'enrol first (POST /auth/mfa/enrol)');
    const step = await matchTotp(this.cipher.decrypt(user.mfaSecretEncrypted), code);
    if (step === undefined) throw DomainError.validation([{ field: 'code', reason: 'code is not the current code' }]);
    const recoveryCodes = newRecoveryCodes();
    const tokens = await this.audit.transaction(async (manager, audit) => {
      await manager.getRepository(User).update(user.id, {
        mfaEnabledAt: new Date(),
        mfaLastTimeStep: String(step),
        updatedAt: new Date(),
      });
      await this.replaceRecoveryCodes(manager, user.id, recoveryCodes);
      audit({ action: AuditAction.AuthMfaConfirmed, subjectType: 'user', subjectId: user.id });
      if (actor.sessionId) return undefined;
      // An enrolment-only token has no session: confirming the factor completes that login.
      const pair = await this.sessions.start(manager, user, { mfaVerified: true });
      audit({
        action: AuditAction.AuthLoginSucceeded,
        subjectType: 'session',
        subjectId: pair.sessionId,
        details: { mfa: 'enrolled' },
      });
      return pair;
    });
    return { recoveryCodes, ...(tokens ? { tokens } : {}) };
  }

  /** Removes the actor's own second factor; refused when their role requires one. */
  async disableOwn(actor: Actor, code: string): Promise<void> {
    const user = await this.userOf(actor);
    if (!user.mfaEnabledAt) throw new DomainError(ErrorCode.Conflict, 'no second factor is active');
    if (this.policy.requires(user.role)) {
      throw new DomainError(ErrorCode.Forbidden, `the role ${user.role} must keep a second factor`);
    }
    // A wrong code here counts toward the lockout like one at login (issue 23), reserved before the check.
    const wrongCode = () =>
      DomainError.validation([{ field: 'code', reason: 'code is not a valid code or recovery code' }]);
    if (!(await this.attempts.reserve(user.id))) throw wrongCode();
    const disabled = await this.audit.transaction(async (manager, audit) => {
      if (!(await this.checkCode(manager, user, code))) return false;
      await this.removeFactor(manager, user.id);
      audit({ action: AuditAction.AuthMfaDisabled, subjectType: 'user', subjectId: user.id, details: { by: 'self' } });
      return true;
    });
    if (!disabled) {
      await this.attempts.fail(user, 'wrong_second_factor');
      throw wrongCode();
    }
    await this.attempts.release(user.id);
  }

  /**
   * Whether `code` is the user's current TOTP code (not replayed) or one of their unused
   * recovery codes; uses it up either way. Runs in the caller's transaction.
   */
  async checkCode(manager: EntityManager, user: User, code: string): Promise<boolean> {
    if (!user.mfaSecretEncrypted || !user.mfaEnabledAt) return false;
    if (looksLikeTotpCode(code)) {
      const secret = this.cipher.decrypt(user.mfaSecretEncrypted);
      const last = user.mfaLastTimeStep === null ? undefined : Number(user.mfaLastTimeStep);
      const step = await matchTotp(secret, code, last);
      if (step === undefined) return false;
      // Only moves forward, so two concurrent logins cannot both spend the same step.
      const [moved] = await queryRows<{ id: string }>(
        manager,
        `UPDATE users SET mfa_last_time_step = $2
          WHERE id = $1 AND (mfa_last_time_step IS NULL OR mfa_last_time_step < $2) RETURNING id`,
        [user.id, step],
      );
      return moved !== undefined;
    }
    // The sealed form, or the bare digest of a row not yet upgraded (upgradeLegacyRecoveryCodes).
    const [used] = await queryRows<{ id: string }>(
      manager,
      `UPDATE auth_recovery_codes SET used_at = now()
        WHERE user_id = $1 AND code_hash IN ($2, $3) AND used_at IS NULL RETURNING id`,
      [user.id, sealRecoveryCode(this.recoveryKey, code), hashRecoveryCode(code)],
    );
    return used !== undefined;
  }

  /**
   * Seals every recovery code still stored as a bare SHA-256 digest (before issue 23.8) with
   * the server-side key; run at start. Idempotent, and safe with several processes at once:
   * each row is replaced only while it still holds the digest that was read.
   */
  async onApplicationBootstrap(): Promise<void> {
    const legacy = await this.dataSource.query(
      `SELECT id, code_hash AS digest FROM auth_recovery_codes
        WHERE used_at IS NULL AND code_hash NOT LIKE '${SEALED_RECOVERY_CODE_PREFIX}%'`,
    );
    for (const { id, digest } of legacy as Array<{ id: string; digest: string }>) {
      await this.dataSource.query(`UPDATE auth_recovery_codes SET code_hash = $3 WHERE id = $1 AND code_hash = $2`, [
        id,
        digest,
        sealRecoveryDigest(this.recoveryKey, digest),
      ]);
    }
  }

  /** Whether a checked code was a recovery code (for the audit trail). */
  isRecoveryCode(code: string): boolean {
    return !looksLikeTotpCode(code);
  }

  private async replaceRecoveryCodes(manager: EntityManager, userId: string, codes: string[]): Promise<void> {
    await manager.query(`UPDATE auth_recovery_codes SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [
      userId,
    ]);
    await manager
      .getRepository(RecoveryCode)
      .insert(codes.map((code) => ({ userId, codeHash: sealRecoveryCode(this.recoveryKey, code) })));
  }

  /** Removes the factor and its recovery codes, in the caller's transaction (own removal, or a reset: resets/). */
  async removeFactor(manager: EntityManager, userId: string): Promise<void> {
    await manager.getRepository(User).update(userId, {
      mfaSecretEncrypted: null,
      mfaEnabledAt: null,
      mfaLastTimeStep: null,
      updatedAt: new Date(),
    });
    await manager.query(`UPDATE auth_recovery_codes SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [
      userId,
    ]);
  }

  private async userOf(actor: Actor): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: actor.userId });
    if (!user) throw DomainError.notFound('user');
    return user;
  }
}
