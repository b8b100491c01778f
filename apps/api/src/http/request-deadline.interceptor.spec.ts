import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { NEVER, of, type Observable } from 'rxjs';
import type { Settings } from '@sillok/config';
import { DomainError, ErrorCode } from '@sillok/core';
import { currentRequestDeadline } from '@sillok/database';
import { RequestDeadlineInterceptor } from './request-deadline.interceptor.js';

const settings = { REQUEST_TIMEOUT_SECONDS: 2, DATABASE_STATEMENT_TIMEOUT_SECONDS: 300 } as Settings;

function httpContext(mediaType: string | false = false): ExecutionContext {
  const request = { is: (type: string) => (type === mediaType ? type : false) };
  return { getType: () => 'http', switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
}

function outcome(observable: Observable<unknown>) {
  const seen: { value?: unknown; error?: unknown; done?: boolean } = {};
  observable.subscribe({
    next: (value) => (seen.value = value),
    error: (error) => (seen.error = error),
    complete: () => (seen.done = true),
  });
  return seen;
}

describe('RequestDeadlineInterceptor', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });
  const interceptor = new RequestDeadlineInterceptor(settings);

  it('answers 503 when the handler runs past REQUEST_TIMEOUT_SECONDS', () => {
    const seen = outcome(interceptor.intercept(httpContext(), { handle: () => NEVER }));
    jest.advanceTimersByTime(1999);
    expect(seen.error).toBeUndefined();
    jest.advanceTimersByTime(1);
    expect(seen.error).toBeInstanceOf(DomainError);
    expect((seen.error as DomainError).code).toBe(ErrorCode.Unavailable);
  });

  it('passes a prompt answer through, with the deadline in scope of the handler', async () => {
    let inScope: unknown;
    const next: CallHandler = {
      handle: () => {
        inScope = currentRequestDeadline();
        return of({ id: 1 });
      },
    };
    const seen = outcome(interceptor.intercept(httpContext(), next));
    await jest.advanceTimersByTimeAsync(0);
    expect(seen).toEqual({ value: { id: 1 }, done: true });
    expect(inScope).toBeDefined();
    jest.advanceTimersByTime(5000);
    expect(seen.error).toBeUndefined();
  });

  it('leaves uploads alone: their body bounds them', () => {
    const handled = NEVER;
    expect(interceptor.intercept(httpContext('multipart/form-data'), { handle: () => handled })).toBe(handled);
  });
});
