import { Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import { DomainError, flattenValidationErrors } from '@sillok/core';
import { LoginDto } from './http/login.dto.js';

/**
 * Runs the passport-local strategy. The body is validated first (guards run before pipes),
 * so a missing or malformed field is a 400 naming it rather than a bare 401.
 */
@Injectable()
export class LocalLoginGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const body: unknown = context.switchToHttp().getRequest<Request>().body ?? {};
    const errors = await validate(plainToInstance(LoginDto, body), { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw DomainError.validation(flattenValidationErrors(errors));
    return (await super.canActivate(context)) as boolean;
  }
}
