import { createHash } from 'node:crypto';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, type Observable } from 'rxjs';
import { lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, IDEMPOTENT_KEY, type Actor } from '@sillok/core';
import {
  findIdempotentAnswer,
  IdempotencyRaceError,
  withIdempotencyClaim,
  type IdempotencyClaim,
  type StoredAnswer,
} from '@sillok/database';

const KEY_FORMAT = /^[\x21-\x7e]{1,200}$/;

/**
 * Idempotency-Key on the routes marked @Idempotent(): a retry of a create whose answer was
 * lost gets the first answer back instead of a duplicate record. The answer is stored by
 * inTransaction in the create's own transaction (see idempotency-claim.ts), so a key exists
 * exactly when its record does.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean>(IDEMPOTENT_KEY, context.getHandler())) return next.handle();
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const key = request.headers['idempotency-key'];
    if (key === undefined || !request.actor) return next.handle();
    return from(this.serve(request, context.switchToHttp().getResponse<Response>(), String(key), next));
  }

  private async serve(request: Request & { actor?: Actor }, response: Response, key: string, next: CallHandler) {
    if (!KEY_FORMAT.test(key))
      throw DomainError.validation([
        { field: 'Idempotency-Key', reason: 'must be 1 to 200 visible ASCII characters (a UUID is good)' },
      ]);
    const claim: IdempotencyClaim = {
      userId: request.actor!.userId,
      route: `${request.method} ${request.path}`,
      key,
      requestSha256: createHash('sha256')
        .update(JSON.stringify(request.body ?? null))
        .digest('hex'),
    };
    const earlier = await findIdempotentAnswer(this.dataSource.manager, claim);
    if (earlier) return replay(earlier, claim, response);
    try {
      return await withIdempotencyClaim(claim, () => lastValueFrom(next.handle()));
    } catch (error) {
      if (!(error instanceof IdempotencyRaceError)) throw error;
      // A twin request with this key committed while this one ran: answer as it did.
      return replay((await findIdempotentAnswer(this.dataSource.manager, claim))!, claim, response);
    }
  }
}

function replay(earlier: StoredAnswer, claim: IdempotencyClaim, response: Response): unknown {
  if (earlier.requestSha256 !== claim.requestSha256)
    throw new DomainError(
      ErrorCode.Conflict,
      'this Idempotency-Key was already used with a different request body; use a new key for a new record',
    );
  response.status(earlier.status).setHeader('idempotent-replayed', 'true');
  return earlier.body;
}
