import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { Settings } from '@sillok/config';
import { DomainError, ErrorCode } from '@sillok/core';
import { RequestDeadline, withRequestDeadline } from '@sillok/database';

/**
 * Answers 503 when a request runs past REQUEST_TIMEOUT_SECONDS, and puts the deadline in
 * scope so its transaction cannot commit afterwards (inTransaction). Uploads are left out:
 * a large file on a slow link is legitimately slow, and its body bounds it.
 */
@Injectable()
export class RequestDeadlineInterceptor implements NestInterceptor {
  constructor(private readonly settings: Settings) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const seconds = this.settings.REQUEST_TIMEOUT_SECONDS;
    const request = context.switchToHttp().getRequest<Request>();
    if (context.getType() !== 'http' || seconds === 0 || request.is('multipart/form-data')) return next.handle();
    const deadline = new RequestDeadline(
      Date.now() + seconds * 1000,
      this.settings.DATABASE_STATEMENT_TIMEOUT_SECONDS * 1000,
    );
    return new Observable((subscriber) => {
      const expire = () => {
        // A commit under way finishes first; this runs again right after it.
        if (deadline.expire(expire)) subscriber.error(deadlinePassed(seconds));
      };
      const timer = setTimeout(expire, seconds * 1000);
      const work = withRequestDeadline(deadline, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
      const inner = from(work).subscribe(subscriber);
      return () => {
        clearTimeout(timer);
        inner.unsubscribe();
      };
    });
  }
}

function deadlinePassed(seconds: number): DomainError {
  return new DomainError(
    ErrorCode.Unavailable,
    `the request took longer than ${seconds} s and was stopped; its unfinished changes were rolled back; retry later`,
  );
}
