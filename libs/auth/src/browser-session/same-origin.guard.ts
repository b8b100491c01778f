import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError, ErrorCode } from '@sillok/core';

/**
 * CSRF defence for the cookie-authenticated routes, the second of two layers: SameSite=Strict
 * already keeps the cookie off cross-site requests; this refuses any request whose Origin is
 * missing or names another host than the one it was sent to (browsers always send Origin on
 * POST from fetch). Scripts and the CLI never reach these routes: they use the bearer API.
 */
@Injectable()
export class SameOriginGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (!isSameOrigin(request.headers.origin, request.headers.host)) {
      throw new DomainError(ErrorCode.Forbidden, 'browser session requests must come from this site (Origin header)');
    }
    return true;
  }
}

export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
