import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode } from '@sillok/core';
import { requireRolePermission } from '../roles/role-permissions.js';
import type { RequestWithActor } from './authentication.guard.js';
import { routeAccessOf } from './route-access.js';

/** Second global guard: a @RequirePermission route needs a role that grants the permission. */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const access = routeAccessOf(this.reflector, context);
    if (access?.kind !== 'permission') return true;
    const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
    if (!actor) throw new DomainError(ErrorCode.Unauthenticated, 'log in first');
    requireRolePermission(actor.role, access.permission);
    return true;
  }
}
