import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { DomainError, ErrorCode, type Actor } from '@sillok/core';
import type { RequestWithActor } from './authentication.guard.js';

/** The authenticated actor of an @Authenticated() or @RequirePermission() route. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new DomainError(ErrorCode.Unauthenticated, 'log in first');
  return actor;
});
