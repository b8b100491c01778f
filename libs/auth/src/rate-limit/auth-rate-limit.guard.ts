import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Settings } from '@sillok/config';
import { DomainError, ErrorCode } from '@sillok/core';

const WINDOW_MS = 60_000;
const SWEEP_ABOVE = 10_000;

/**
 * AUTH_RATE_LIMIT_PER_MINUTE requests per client address to each /auth route, in fixed
 * one-minute windows kept in memory (one API process; behind several, put the limit in
 * the proxy too). Over the limit: 429 with Retry-After.
 *
 * Why not @nestjs/throttler: it is published as CommonJS and require()s the ESM-only
 * @nestjs/common 12, which Jest's ESM runtime cannot do on Node 20, so no test could load it.
 */
@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(private readonly settings: Settings) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const now = Date.now();
    const key = `${context.getClass().name}.${context.getHandler().name}|${request.ip ?? 'unknown'}`;
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      if (this.windows.size > SWEEP_ABOVE) this.sweep(now);
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count > this.settings.AUTH_RATE_LIMIT_PER_MINUTE) {
      const retryAfter = Math.ceil((window.startedAt + WINDOW_MS - now) / 1000);
      http.getResponse<Response>().setHeader('Retry-After', String(retryAfter));
      throw new DomainError(ErrorCode.TooManyRequests, `too many requests; try again in ${retryAfter} seconds`);
    }
    return true;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now - window.startedAt >= WINDOW_MS) this.windows.delete(key);
  }
}
