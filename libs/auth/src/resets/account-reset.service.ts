import { Injectable } from '@nestjs/common';
import { DataSource, LessThanOrEqual, MoreThan, type EntityManager } from 'typeorm';
import { AuditAction, AuditService, type AuditRecorder } from '@sillok/audit';
import { DomainError, ErrorCode, pageOf, type Actor, type Page } from '@sillok/core';
import { queryRows } from '@sillok/database';
import { AttemptLedger } from '../login/attempt-ledger.js';
import { MfaService } from '../mfa/mfa.service.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { generateTemporaryPassword } from '../passwords/password-policy.js';
import { revokeUserSessions } from '../sessions/session-revoker.js';
import { User } from '../users/user.entity.js';
import { UserService } from '../users/user.service.js';
import { AccountResetRequest, type ResetKind } from './account-reset-request.entity.js';
import {
  refusalToDecide,
  resetNeedsSecondAdministrator,
  resetRequestExpiry,
  type ResetDecision,
} from './reset-rules.js';
import { toResetRequestView } from './reset-views.js';
import type { UserWithPasswordResponse } from '../users/user.responses.js';
import type { ResetDecisionResponse, ResetNoticeResponse, ResetRequestResponse } from './account-reset.responses.js';

/** An administrator's reset: done at once, or (an account that reads identities) waiting for a second one. */
export type ResetOutcome =
  ({ applied: true } & UserWithPasswordResponse) | { applied: false; request: ResetRequestResponse };

/** A reset to carry out: a password reset brings the new hash; one approved by a second administrator, its request. */
interface ResetToApply {
  userId: string;
  kind: ResetKind;
  passwordHash?: string;
  resetRequestId?: string;
}

/**
 * Password and second-factor resets by administrators (issue 23). One phished administrator
 * must not reach a witness: resetting an account that reads identities or exports needs a
 * second administrator's approval, or the break-glass command on the server; afterwards the
 * account reads no identity and exports nothing until its owner confirms a factor.
 */
@Injectable()
export class AccountResetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly mfa: MfaService,
    private readonly users: UserService,
    private readonly attempts: AttemptLedger,
  ) {}

  /** `actor` undefined: the command line (sillok user:reset-password), which never asks a second administrator. */
  async reset(actor: Actor | undefined, userId: string, kind: ResetKind): Promise<ResetOutcome> {
    const temporary = kind === 'password' ? await this.newPassword() : undefined;
    const request = await this.audit.transaction(async (manager, audit) => {
      const user = await lockUser(manager, userId);
      if (!resetNeedsSecondAdministrator(user.role, await inAnyCase(manager, user.id))) {
        await this.apply(manager, audit, { userId: user.id, kind, passwordHash: temporary?.hash });
        return undefined;
      }
      if (!actor) {
        throw new DomainError(
          ErrorCode.Conflict,
          `${user.email} reads witness identities or exports: a second administrator must approve its reset, or use sillok user:break-glass-reset`,
        );
      }
      return this.ask(manager, audit, { actor, userId: user.id, kind });
    });
    if (request) return { applied: false, request: toResetRequestView(request, new Date()) };
    return { applied: true, user: await this.users.get(userId), ...passwordOf(temporary) };
  }

  /** Pending requests that can still be approved, oldest first. */
  async listPending(query: { limit: number; offset: number }): Promise<Page<ResetRequestResponse>> {
    const now = new Date();
    const [rows, total] = await this.dataSource.getRepository(AccountResetRequest).findAndCount({
      where: { status: 'pending', expiresAt: MoreThan(now) },
      order: { requestedAt: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return pageOf(
      rows.map((row) => toResetRequestView(row, now)),
      total,
      query,
    );
  }

  async get(id: string): Promise<ResetRequestResponse> {
    const request = await this.dataSource.getRepository(AccountResetRequest).findOneBy({ id });
    if (!request) throw DomainError.notFound('reset request');
    return toResetRequestView(request, new Date());
  }

  /** A second administrator approves (the reset happens now) or either administrator rejects. */
  async decide(actor: Actor, id: string, decision: ResetDecision): Promise<ResetDecisionResponse> {
    const before = await this.dataSource.getRepository(AccountResetRequest).findOneBy({ id });
    if (!before) throw DomainError.notFound('reset request');
    // argon2 outside the transaction, which holds the account's row lock.
    const temporary = decision === 'approve' && before.kind === 'password' ? await this.newPassword() : undefined;
    const request = await this.audit.transaction(async (manager, audit) => {
      const request = await manager.getRepository(AccountResetRequest).findOne({
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!request) throw DomainError.notFound('reset request');
      const now = new Date();
      const refusal = refusalToDecide(request, actor.userId, decision, now);
      if (refusal) throw refusal;
      await lockUser(manager, request.userId);
      request.status = decision === 'approve' ? 'approved' : 'rejected';
      request.decidedBy = actor.userId;
      request.decidedAt = now;
      await manager.getRepository(AccountResetRequest).save(request);
      audit({
        action: decision === 'approve' ? AuditAction.UserResetApproved : AuditAction.UserResetRejected,
        subjectType: 'user',
        subjectId: request.userId,
        details: { kind: request.kind, resetRequestId: request.id, requestedBy: request.requestedBy },
      });
      if (decision === 'approve') {
        await this.apply(manager, audit, {
          userId: request.userId,
          kind: request.kind,
          passwordHash: temporary?.hash,
          resetRequestId: request.id,
        });
      }
      return request;
    });
    return { request: toResetRequestView(request, new Date()), ...passwordOf(temporary) };
  }

  /**
   * Break-glass: the command line on the server resets any account at once, for an organisation
   * left with one administrator. Loud: its own audit row with the operator and reason, and the
   * account's owner is shown it; identity reads and exports wait for the owner's confirmation.
   */
  async breakGlass(
    userId: string,
    kind: ResetKind,
    reason: string,
    operator: string,
  ): Promise<UserWithPasswordResponse> {
    if (!reason.trim()) throw DomainError.validation([{ field: 'reason', reason: 'reason must not be empty' }]);
    const temporary = kind === 'password' ? await this.newPassword() : undefined;
    await this.audit.transaction(async (manager, audit) => {
      await lockUser(manager, userId);
      const now = new Date();
      const request = await manager.getRepository(AccountResetRequest).save(
        manager.getRepository(AccountResetRequest).create({
          userId,
          kind,
          status: 'break_glass',
          requestedBy: null,
          requestedAt: now,
          expiresAt: now,
          decidedAt: now,
          reason: reason.trim(),
        }),
      );
      audit({
        action: AuditAction.UserResetBreakGlass,
        subjectType: 'user',
        subjectId: userId,
        reason: reason.trim(),
        details: { kind, resetRequestId: request.id, operator, breakGlass: true },
      });
      await this.apply(manager, audit, { userId, kind, passwordHash: temporary?.hash, resetRequestId: request.id });
    });
    return { user: await this.users.get(userId), ...passwordOf(temporary) };
  }

  /**
   * The owner confirms a second factor after a reset, with a current code from it (counted
   * toward the lockout like a login code); identity reads and exports open again.
   */
  async confirm(actor: Actor, code: string): Promise<void> {
    const user = await this.users.find(actor.userId);
    if (!user.resetRequestId || user.resetConfirmedAt) {
      throw new DomainError(ErrorCode.Conflict, 'no reset of your account waits for confirmation');
    }
    if (!user.mfaEnabledAt) {
      throw new DomainError(
        ErrorCode.Conflict,
        'enrol a second factor first (POST /auth/mfa/enrol and /auth/mfa/confirm), then confirm with a code from it',
      );
    }
    const wrongCode = () => DomainError.validation([{ field: 'code', reason: 'code is not a valid code' }]);
    if (!(await this.attempts.reserve(user.id))) throw wrongCode();
    const confirmed = await this.audit.transaction(async (manager, audit) => {
      if (!(await this.mfa.checkCode(manager, user, code))) return false;
      await manager.getRepository(User).update(user.id, { resetConfirmedAt: new Date(), updatedAt: new Date() });
      audit({
        action: AuditAction.UserResetConfirmed,
        subjectType: 'user',
        subjectId: user.id,
        details: { resetRequestId: user.resetRequestId },
      });
      return true;
    });
    if (!confirmed) {
      await this.attempts.fail(user, 'wrong_second_factor');
      throw wrongCode();
    }
    await this.attempts.release(user.id);
  }

  /** The last two-person or break-glass reset of the account, for its owner; null when there was none. */
  async noticeFor(user: Pick<User, 'resetRequestId' | 'resetConfirmedAt'>): Promise<ResetNoticeResponse | null> {
    if (!user.resetRequestId) return null;
    const request = await this.dataSource
      .getRepository(AccountResetRequest)
      .findOneByOrFail({ id: user.resetRequestId });
    const people = await this.users.namesOf([request.requestedBy, request.decidedBy]);
    return {
      kind: request.kind,
      via: request.status === 'break_glass' ? 'break_glass' : 'two_administrators',
      at: (request.decidedAt ?? request.requestedAt).toISOString(),
      requestedBy: request.requestedBy ? (people.get(request.requestedBy) ?? null) : null,
      approvedBy: request.decidedBy ? (people.get(request.decidedBy) ?? null) : null,
      confirmed: user.resetConfirmedAt !== null,
    };
  }

  private async ask(
    manager: EntityManager,
    audit: AuditRecorder,
    { actor, userId, kind }: { actor: Actor; userId: string; kind: ResetKind },
  ): Promise<AccountResetRequest> {
    const now = new Date();
    // A request nobody approved in time makes way for a new one (one pending request per account and kind).
    await manager
      .getRepository(AccountResetRequest)
      .update({ userId, kind, status: 'pending', expiresAt: LessThanOrEqual(now) }, { status: 'expired' });
    const waiting = await manager.getRepository(AccountResetRequest).findOneBy({ userId, kind, status: 'pending' });
    if (waiting) {
      throw new DomainError(ErrorCode.Conflict, 'a reset of this account already waits for a second administrator', {
        resetRequestId: waiting.id,
      });
    }
    const request = await manager.getRepository(AccountResetRequest).save(
      manager.getRepository(AccountResetRequest).create({
        userId,
        kind,
        status: 'pending',
        requestedBy: actor.userId,
        requestedAt: now,
        expiresAt: resetRequestExpiry(now),
      }),
    );
    audit({
      action: AuditAction.UserResetRequested,
      subjectType: 'user',
      subjectId: userId,
      details: { kind, resetRequestId: request.id, expiresAt: request.expiresAt.toISOString() },
    });
    return request;
  }

  private async apply(
    manager: EntityManager,
    audit: AuditRecorder,
    { userId, kind, passwordHash, resetRequestId }: ResetToApply,
  ): Promise<void> {
    if (kind === 'password') {
      await manager.getRepository(User).update(userId, {
        passwordHash: passwordHash!,
        mustChangePassword: true,
        failedLoginCount: 0,
        lockedUntil: null,
        updatedAt: new Date(),
      });
      const sessions = await revokeUserSessions(manager, userId, 'password_reset');
      audit({
        action: AuditAction.UserPasswordReset,
        subjectType: 'user',
        subjectId: userId,
        details: { sessionsRevoked: sessions.length, ...(resetRequestId ? { resetRequestId } : {}) },
      });
    } else {
      await this.mfa.removeFactor(manager, userId);
      const sessions = await revokeUserSessions(manager, userId, 'mfa_reset');
      audit({
        action: AuditAction.AuthMfaDisabled,
        subjectType: 'user',
        subjectId: userId,
        details: {
          by: 'administrator',
          sessionsRevoked: sessions.length,
          ...(resetRequestId ? { resetRequestId } : {}),
        },
      });
    }
    // From now until the owner confirms a factor, identity reads and exports are refused (PermissionGuard).
    if (resetRequestId) await manager.getRepository(User).update(userId, { resetRequestId, resetConfirmedAt: null });
  }

  private async newPassword(): Promise<{ password: string; hash: string }> {
    const password = generateTemporaryPassword();
    return { password, hash: await this.hasher.hash(password) };
  }
}

function passwordOf(temporary: { password: string } | undefined): { temporaryPassword?: string } {
  return temporary ? { temporaryPassword: temporary.password } : {};
}

// Plain SQL: libs/cases builds on auth, so auth cannot import its entities (layering.spec).
async function inAnyCase(manager: EntityManager, userId: string): Promise<boolean> {
  const [row] = await queryRows<{ member: boolean }>(
    manager,
    `SELECT EXISTS (SELECT 1 FROM case_members WHERE user_id = $1 AND removed_at IS NULL) AS member`,
    [userId],
  );
  return row?.member === true;
}

async function lockUser(manager: EntityManager, id: string): Promise<User> {
  const user = await manager.getRepository(User).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!user) throw DomainError.notFound('user');
  return user;
}
