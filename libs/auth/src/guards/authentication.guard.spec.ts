import { describe, expect, it } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode, Public } from '@sillok/core';
import type { AccessTokenService } from '../tokens/access-token.service.js';
import { AuthenticationGuard } from './authentication.guard.js';
import type { PrincipalService } from './principal.service.js';

class Controller {
  undeclared(): void {}
  @Public()
  open(): void {}
}

function contextFor(handler: keyof Controller, headers: Record<string, string> = {}): ExecutionContext {
  return {
    getHandler: () => Controller.prototype[handler],
    getClass: () => Controller,
    switchToHttp: () => ({ getRequest: () => ({ headers }) }),
  } as unknown as ExecutionContext;
}

const unused = {} as AccessTokenService & PrincipalService;
const guard = new AuthenticationGuard(new Reflector(), unused, unused);

describe('AuthenticationGuard', () => {
  it('refuses a route that declares no access rule with 403, not 500', async () => {
    const refusal = await guard.canActivate(contextFor('undeclared')).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe(ErrorCode.Forbidden);
  });

  it('lets a @Public() route through without a token', async () => {
    await expect(guard.canActivate(contextFor('open'))).resolves.toBe(true);
  });
});
