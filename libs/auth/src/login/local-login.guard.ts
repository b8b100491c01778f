import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { DomainError, flattenValidationErrors } from '@sillok/core';
import { LoginDto } from './http/login.dto.js';
import { LocalStrategy } from './local.strategy.js';

/**
 * Runs this application's passport-local strategy (not passport's process-wide one: see
 * `LocalStrategy.getPassportInstance`) and puts the account on `request.user`, as
 * `AuthGuard('local')` did. The body is validated first (guards run before pipes), so a
 * missing or malformed field is a 400 naming it rather than a bare 401.
 */
@Injectable()
export class LocalLoginGuard implements CanActivate {
  constructor(private readonly strategy: LocalStrategy) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const errors = await validate(plainToInstance(LoginDto, request.body ?? {}), {
      whitelist: true,
      forbidNonWhitelisted: true,
    });
    if (errors.length) throw DomainError.validation(flattenValidationErrors(errors));
    const user = await this.strategy.accountFrom(request, http.getResponse<Response>());
    if (!user) throw new UnauthorizedException();
    request.user = user;
    return true;
  }
}
