import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError, ErrorCode, requestContext, type Actor } from '@sillok/core';
import { AccessTokenService } from '../tokens/access-token.service.js';
import { ACCOUNT_SETUP_ROUTE_KEY } from './account-setup-route.decorator.js';
import { PrincipalService } from './principal.service.js';
import { routeAccessOf } from './route-access.js';

/** `resetHeld`: the account's owner has not confirmed a factor since a reset (PermissionGuard refuses HELD_AFTER_RESET). */
export type RequestWithActor = Request & { actor?: Actor; resetHeld?: boolean };

/**
 * First global guard: every route must declare its access (a route without one is refused
 * with 403 and logged as a server error); all but @Public() routes need a valid bearer
 * token whose user and session are still good. Sets the request context's actor.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  private readonly logger = new Logger('AuthenticationGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly accessTokens: AccessTokenService,
    private readonly principals: PrincipalService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = routeAccessOf(this.reflector, context);
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    if (!access) {
      this.logger.error(
        `route ${context.getClass().name}.${context.getHandler().name} declares no access rule; refusing every request to it`,
      );
      throw new DomainError(ErrorCode.Forbidden, 'this route is not open to anyone');
    }
    if (access.kind === 'public') return true;

    const token = bearerToken(request);
    if (!token) throw new DomainError(ErrorCode.Unauthenticated, 'log in and send the access token as a Bearer token');
    const principal = await this.principals.resolve(await this.accessTokens.verify(token));

    if (principal.setupPending) {
      const setupRoute = this.reflector.getAllAndOverride<boolean>(ACCOUNT_SETUP_ROUTE_KEY, [
        context.getHandler(),
        context.getClass(),
      ]);
      if (!setupRoute) {
        throw principal.setupPending === 'password_change'
          ? new DomainError(ErrorCode.Forbidden, 'change your password first (POST /auth/password)', {
              passwordChangeRequired: true,
            })
          : new DomainError(ErrorCode.Forbidden, 'enrol a second factor first (POST /auth/mfa/enrol)', {
              mfaEnrolmentRequired: true,
            });
      }
    }
    request.actor = principal.actor;
    request.resetHeld = principal.resetHeld;
    const current = requestContext.current();
    if (current) current.actor = principal.actor;
    return true;
  }
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}
