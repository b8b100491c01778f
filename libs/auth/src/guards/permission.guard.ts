import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode } from '@sillok/core';
import { HELD_AFTER_RESET } from '../resets/reset-rules.js';
import { requireRolePermission } from '../roles/role-permissions.js';
import type { RequestWithActor } from './authentication.guard.js';
import { routeAccessOf } from './route-access.js';

/**
 * Second global guard: a @RequirePermission route needs a role that grants the permission, and
 * identity reads and exports also need an account not held after a reset.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const access = routeAccessOf(this.reflector, context);
    if (access?.kind !== 'permission') return true;
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const actor = request.actor;
    if (!actor) throw new DomainError(ErrorCode.Unauthenticated, 'log in first');
    requireRolePermission(actor.role, access.permission);
    // Whoever set the new password or factor must not reach a witness: the owner confirms first (issue 23).
    if (request.resetHeld && HELD_AFTER_RESET.has(access.permission)) {
      throw new DomainError(
        ErrorCode.Forbidden,
        'your account was reset: confirm your second factor first (POST /auth/reset/confirm)',
        { resetConfirmationRequired: true },
      );
    }
    return true;
  }
}
