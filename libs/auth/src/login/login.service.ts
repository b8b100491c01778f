import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditAction, AuditService, type AuditRecorder } from '@sillok/audit';
import { DomainError, ErrorCode } from '@sillok/core';
import { queryRows } from '@sillok/database';
import { MfaChallenge } from '../mfa/mfa-challenge.entity.js';
import { MfaPolicy } from '../mfa/mfa-policy.js';
import { MfaService } from '../mfa/mfa.service.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { SessionService } from '../sessions/session.service.js';
import { AccessTokenService } from '../tokens/access-token.service.js';
import { hashOpaqueToken, newOpaqueToken } from '../tokens/opaque-token.js';
import { passwordVersion } from '../tokens/password-version.js';
import { User } from '../users/user.entity.js';
import { UserStatus } from '../users/user-status.js';
import { UserService } from '../users/user.service.js';
import { AttemptLedger } from './attempt-ledger.js';
import type { LoginOutcome } from './login-outcome.js';
import type { MfaRequiredResponse, TokenPairResponse } from './login.responses.js';

// One answer for every failed login, so it tells nothing about which accounts exist or are locked.
export const LOGIN_FAILED = 'the email or password is wrong, or the account is locked for a while';
const MFA_FAILED = 'the code is wrong or the login attempt has expired; start again if it keeps failing';
const MFA_CHALLENGE_SECONDS = 300;
const MFA_ATTEMPTS_PER_CHALLENGE = 5;

/** Password check with lockout, then (when enrolled) the second step, then a session. */
@Injectable()
export class LoginService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly users: UserService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly mfa: MfaService,
    private readonly mfaPolicy: MfaPolicy,
    private readonly accessTokens: AccessTokenService,
    private readonly attempts: AttemptLedger,
  ) {}

  /**
   * The account whose password this is, or the one 401 for everything else. Exactly one
   * argon2 verification runs on every path (against a dummy hash when there is no usable
   * account), so timing does not tell an unknown email from a wrong password.
   */
  async verifyPassword(email: string, password: string): Promise<User> {
    const user = await this.users.findByEmail(email.trim());
    if (!user) {
      await this.hasher.verifyNothing(password);
      await this.audit.recordNow({ action: AuditAction.AuthLoginFailed, details: { reason: 'unknown_account' } });
      throw loginFailed();
    }
    // Counted before argon2 runs: parallel tries beyond the threshold are refused unchecked.
    if (!(await this.attempts.reserve(user.id))) {
      await this.hasher.verifyNothing(password);
      await this.audit.recordNow({
        action: AuditAction.AuthLoginFailed,
        subjectType: 'user',
        subjectId: user.id,
        actor: { userId: user.id, role: user.role },
        details: { reason: user.status !== UserStatus.Active ? 'disabled' : 'locked' },
      });
      throw loginFailed();
    }
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      await this.attempts.fail(user, 'wrong_password');
      throw loginFailed();
    }
    // Wrong second-factor codes before it still count; a completed login resets the count.
    await this.attempts.release(user.id);
    return user;
  }

  /** Step one after the password was right: tokens, or a second-factor challenge, or enrolment. */
  async begin(user: User): Promise<LoginOutcome> {
    if (user.mfaEnabledAt) return this.challenge(user);
    if (this.mfaPolicy.requires(user.role)) {
      const { token, expiresIn } = await this.accessTokens.sign({
        sub: user.id,
        role: user.role,
        scope: 'mfa_enrolment',
        pwv: passwordVersion(user.passwordHash),
      });
      return { status: 'mfa_enrolment_required', enrolmentToken: token, expiresIn };
    }
    return this.audit.transaction((manager, audit) => this.startSession(manager, user, false, audit));
  }

  /** Step two: the challenge from step one and a TOTP or recovery code. */
  async completeMfa(mfaToken: string, code: string): Promise<TokenPairResponse> {
    const tokenHash = hashOpaqueToken(mfaToken);
    const [open] = await queryRows<{ userId: string }>(
      this.dataSource.manager,
      `SELECT user_id AS "userId" FROM auth_mfa_challenges
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() AND attempts < $2`,
      [tokenHash, MFA_ATTEMPTS_PER_CHALLENGE],
    );
    // Counted before the code is checked, across every challenge of the account.
    if (!open || !(await this.attempts.reserve(open.userId))) throw mfaFailed();
    const outcome = await this.audit.transaction(async (manager, audit) => {
      const [challenge] = await queryRows<MfaChallenge>(
        manager,
        `SELECT id, user_id AS "userId", expires_at AS "expiresAt", attempts, used_at AS "usedAt"
           FROM auth_mfa_challenges WHERE token_hash = $1 FOR UPDATE`,
        [tokenHash],
      );
      if (!challenge || challenge.usedAt || challenge.expiresAt <= new Date()) return { ok: false as const };
      if (challenge.attempts >= MFA_ATTEMPTS_PER_CHALLENGE) return { ok: false as const };
      const user = await manager.getRepository(User).findOne({
        where: { id: challenge.userId },
        lock: { mode: 'pessimistic_write' },
      });
      const usable = user?.status === UserStatus.Active && !(user.lockedUntil && user.lockedUntil > new Date());
      if (!user || !usable || !(await this.mfa.checkCode(manager, user, code))) {
        await manager.getRepository(MfaChallenge).update(challenge.id, { attempts: challenge.attempts + 1 });
        return { ok: false as const, user: user ?? undefined };
      }
      await manager.getRepository(MfaChallenge).update(challenge.id, { usedAt: new Date() });
      if (this.mfa.isRecoveryCode(code)) {
        audit({
          action: AuditAction.AuthMfaRecoveryCodeUsed,
          subjectType: 'user',
          subjectId: user.id,
          actor: { userId: user.id, role: user.role },
        });
      }
      return { ok: true as const, pair: await this.startSession(manager, user, true, audit) };
    });
    if (outcome.ok) return outcome.pair;
    // The reservation stays counted (and is audited) after the attempt's own transaction committed.
    if (outcome.user) await this.attempts.fail(outcome.user, 'wrong_second_factor');
    throw mfaFailed();
  }

  private async startSession(
    manager: EntityManager,
    user: User,
    mfaVerified: boolean,
    audit: AuditRecorder,
  ): Promise<TokenPairResponse> {
    await manager.getRepository(User).update(user.id, { failedLoginCount: 0, lockedUntil: null });
    const pair = await this.sessions.start(manager, user, { mfaVerified });
    audit({
      action: AuditAction.AuthLoginSucceeded,
      subjectType: 'session',
      subjectId: pair.sessionId,
      actor: { userId: user.id, role: user.role },
      details: { mfa: mfaVerified },
    });
    return pair;
  }

  private async challenge(user: User): Promise<MfaRequiredResponse> {
    const token = newOpaqueToken();
    await this.dataSource.getRepository(MfaChallenge).insert({
      userId: user.id,
      tokenHash: hashOpaqueToken(token),
      expiresAt: new Date(Date.now() + MFA_CHALLENGE_SECONDS * 1000),
    });
    return { status: 'mfa_required', mfaToken: token, expiresIn: MFA_CHALLENGE_SECONDS };
  }
}

function loginFailed(): DomainError {
  return new DomainError(ErrorCode.Unauthenticated, LOGIN_FAILED);
}

function mfaFailed(): DomainError {
  return new DomainError(ErrorCode.Unauthenticated, MFA_FAILED);
}
