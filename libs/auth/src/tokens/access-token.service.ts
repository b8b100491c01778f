import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Settings } from '@sillok/config';
import { DomainError, ErrorCode } from '@sillok/core';

/** `access`: a full session token. `mfa_enrolment`: may only enrol a second factor (see README). */
export type AccessTokenScope = 'access' | 'mfa_enrolment';

export interface AccessTokenClaims {
  sub: string;
  role: string;
  scope: AccessTokenScope;
  /** The session; absent on an enrolment-only token, which has none yet. */
  sid?: string;
  /** On an enrolment-only token: passwordVersion of the password it was issued for; it dies with it. */
  pwv?: string;
}

const ENROLMENT_TOKEN_TTL_SECONDS = 600;

/** Signs and checks the short-lived JWT access tokens (HS256, JWT_SECRET). */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly settings: Settings,
  ) {}

  async sign(claims: AccessTokenClaims): Promise<{ token: string; expiresIn: number }> {
    const expiresIn =
      claims.scope === 'mfa_enrolment' ? ENROLMENT_TOKEN_TTL_SECONDS : this.settings.ACCESS_TOKEN_TTL_SECONDS;
    // The key is AuthModule's (JWT_SECRET).
    const token = await this.jwt.signAsync({ ...claims }, { algorithm: 'HS256', expiresIn });
    return { token, expiresIn };
  }

  /** The claims of a valid token; any failure is the same 401 (the reason is not the caller's business). */
  async verify(token: string): Promise<AccessTokenClaims> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
      if (typeof claims.sub !== 'string' || typeof claims.role !== 'string') throw new Error('claims');
      if (claims.scope !== 'access' && claims.scope !== 'mfa_enrolment') throw new Error('scope');
      if (claims.scope === 'access' && typeof claims.sid !== 'string') throw new Error('sid');
      if (claims.scope === 'mfa_enrolment' && typeof claims.pwv !== 'string') throw new Error('pwv');
      return claims;
    } catch {
      throw new DomainError(ErrorCode.Unauthenticated, 'the access token is missing, invalid or expired');
    }
  }
}
