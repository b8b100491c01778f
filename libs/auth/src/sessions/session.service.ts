import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { Settings } from '@sillok/config';
import { DomainError, ErrorCode, requestContext, type Actor } from '@sillok/core';
import { queryRows } from '@sillok/database';
import { AccessTokenService } from '../tokens/access-token.service.js';
import { hashOpaqueToken, newOpaqueToken } from '../tokens/opaque-token.js';
import { User } from '../users/user.entity.js';
import { RefreshToken } from './refresh-token.entity.js';
import { Session } from './session.entity.js';
import { revokeUserSessions } from './session-revoker.js';
import type { SessionResponse, TokenPairResponse } from '../login/login.responses.js';

const INVALID_REFRESH = 'the refresh token is invalid, expired or revoked';

/** Sessions: started at login, extended by refresh-token rotation, ended by logout or revocation. */
@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly accessTokens: AccessTokenService,
    private readonly settings: Settings,
  ) {}

  /** Starts a session inside the caller's transaction and returns its first tokens. */
  async start(manager: EntityManager, user: User, options: { mfaVerified: boolean }): Promise<TokenPairResponse> {
    const context = requestContext.current();
    const session = await manager.getRepository(Session).save(
      manager.getRepository(Session).create({
        userId: user.id,
        expiresAt: this.refreshExpiry(new Date()),
        mfaVerified: options.mfaVerified,
        userAgent: context?.userAgent ?? null,
        clientAddress: context?.clientAddress ?? null,
      }),
    );
    const refreshToken = await this.issueRefreshToken(manager, session.id);
    return this.tokenPair(user, session, refreshToken);
  }

  /**
   * Trades a refresh token for a new pair. A token that was already spent means someone
   * holds a copy: the whole session is revoked and both holders must log in again.
   */
  async refresh(presented: string): Promise<TokenPairResponse> {
    const outcome = await this.audit.transaction(async (manager, audit) => {
      const [row] = await queryRows<{
        tokenId: string;
        spentAt: Date | null;
        sessionId: string;
        userId: string;
        revokedAt: Date | null;
        expiresAt: Date;
        createdAt: Date;
        status: string;
        role: string;
      }>(
        manager,
        `SELECT t.id AS "tokenId", t.spent_at AS "spentAt", s.id AS "sessionId", s.user_id AS "userId",
                s.revoked_at AS "revokedAt", s.expires_at AS "expiresAt", s.created_at AS "createdAt",
                u.status, u.role
           FROM auth_refresh_tokens t
           JOIN auth_sessions s ON s.id = t.session_id
           JOIN users u ON u.id = s.user_id
          WHERE t.token_hash = $1
          FOR UPDATE OF t, s`,
        [hashOpaqueToken(presented)],
      );
      if (!row) return { kind: 'invalid' as const };
      const actor = { userId: row.userId, role: row.role };
      if (row.spentAt) {
        if (!row.revokedAt) {
          await manager
            .getRepository(Session)
            .update(row.sessionId, { revokedAt: new Date(), revokedReason: 'refresh_reuse' });
        }
        audit({
          action: AuditAction.AuthRefreshReuseDetected,
          subjectType: 'session',
          subjectId: row.sessionId,
          actor,
        });
        return { kind: 'reused' as const };
      }
      if (row.revokedAt || row.expiresAt.getTime() <= Date.now() || row.status !== 'active') {
        return { kind: 'invalid' as const };
      }
      await manager.getRepository(RefreshToken).update(row.tokenId, { spentAt: new Date() });
      const refreshToken = await this.issueRefreshToken(manager, row.sessionId);
      await manager.getRepository(Session).update(row.sessionId, {
        lastUsedAt: new Date(),
        expiresAt: this.refreshExpiry(row.createdAt),
      });
      const session = await manager.getRepository(Session).findOneByOrFail({ id: row.sessionId });
      const user = await manager.getRepository(User).findOneByOrFail({ id: row.userId });
      audit({ action: AuditAction.AuthTokenRefreshed, subjectType: 'session', subjectId: row.sessionId, actor });
      return { kind: 'ok' as const, pair: await this.tokenPair(user, session, refreshToken) };
    });
    if (outcome.kind !== 'ok') throw new DomainError(ErrorCode.Unauthenticated, INVALID_REFRESH);
    return outcome.pair;
  }

  async logout(actor: Actor): Promise<void> {
    if (!actor.sessionId) return;
    await this.revokeOwn(actor, actor.sessionId, 'logout');
  }

  async listOwn(actor: Actor): Promise<SessionResponse[]> {
    const sessions = await this.dataSource
      .getRepository(Session)
      .createQueryBuilder('s')
      .where('s.user_id = :userId AND s.revoked_at IS NULL AND s.expires_at > now()', { userId: actor.userId })
      .orderBy('s.created_at', 'DESC')
      .getMany();
    return sessions.map((s) => ({
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastUsedAt: s.lastUsedAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      userAgent: s.userAgent,
      clientAddress: s.clientAddress,
      mfaVerified: s.mfaVerified,
      current: s.id === actor.sessionId,
    }));
  }

  /** Revokes one of the actor's own sessions; someone else's session is "not found". */
  async revokeOwn(actor: Actor, sessionId: string, reason: 'logout' | 'revoked' = 'revoked'): Promise<void> {
    await this.audit.transaction(async (manager, audit) => {
      const [row] = await queryRows<{ id: string }>(
        manager,
        `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $3
          WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
        [sessionId, actor.userId, reason],
      );
      if (!row) throw DomainError.notFound('session');
      audit({
        action: reason === 'logout' ? AuditAction.AuthLogout : AuditAction.AuthSessionRevoked,
        subjectType: 'session',
        subjectId: sessionId,
      });
    });
  }

  /** Ends every session of the actor except the current one ("log out everywhere else"). */
  async revokeOtherOwn(actor: Actor): Promise<number> {
    return this.audit.transaction(async (manager, audit) => {
      const revoked = await revokeUserSessions(manager, actor.userId, 'revoked', actor.sessionId);
      if (revoked.length) {
        audit({
          action: AuditAction.AuthSessionRevoked,
          subjectType: 'user',
          subjectId: actor.userId,
          details: { sessions: revoked },
        });
      }
      return revoked.length;
    });
  }

  private async issueRefreshToken(manager: EntityManager, sessionId: string): Promise<string> {
    const token = newOpaqueToken();
    await manager.getRepository(RefreshToken).insert({ sessionId, tokenHash: hashOpaqueToken(token) });
    return token;
  }

  private async tokenPair(user: User, session: Session, refreshToken: string): Promise<TokenPairResponse> {
    const access = await this.accessTokens.sign({ sub: user.id, role: user.role, sid: session.id, scope: 'access' });
    return {
      status: 'authenticated',
      tokenType: 'Bearer',
      accessToken: access.token,
      expiresIn: access.expiresIn,
      refreshToken,
      refreshExpiresAt: session.expiresAt.toISOString(),
      sessionId: session.id,
      mustChangePassword: user.mustChangePassword,
    };
  }

  /** A refresh token's life: REFRESH_TOKEN_TTL_DAYS from now, but never past SESSION_MAX_DAYS after login. */
  private refreshExpiry(sessionCreatedAt: Date): Date {
    const sliding = Date.now() + this.settings.REFRESH_TOKEN_TTL_DAYS * 86_400_000;
    const absolute = sessionCreatedAt.getTime() + this.settings.SESSION_MAX_DAYS * 86_400_000;
    return new Date(Math.min(sliding, absolute));
  }
}
