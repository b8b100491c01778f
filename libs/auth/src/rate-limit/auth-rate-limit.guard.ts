import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Settings } from '@sillok/config';
import { DomainError, ErrorCode } from '@sillok/core';

const SWEEP_EVERY_MS = 60_000;

/**
 * AUTH_RATE_LIMIT_PER_MINUTE requests per client address to each /auth route, in fixed
 * one-minute windows of the database clock (each begins at the key's first request after the last), counted in PostgreSQL (auth_rate_limits) with one
 * atomic upsert: every API process on the database shares the allowance. Over the limit: 429
 * with Retry-After.
 *
 * Why not @nestjs/throttler: it is published as CommonJS and require()s the ESM-only
 * @nestjs/common 12, which Jest's ESM runtime cannot do on Node 20, so no test could load it.
 */
@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  private lastSweep = 0;

  constructor(
    private readonly settings: Settings,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const key = `${context.getClass().name}.${context.getHandler().name}|${request.ip ?? 'unknown'}`;
    const [{ hits, retryAfter }]: Array<{ hits: number; retryAfter: number }> = await this.dataSource.query(
      `INSERT INTO auth_rate_limits AS l (key, window_start, hits) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         window_start = CASE WHEN l.window_start <= now() - interval '1 minute' THEN now() ELSE l.window_start END,
         hits = CASE WHEN l.window_start <= now() - interval '1 minute' THEN 1 ELSE l.hits + 1 END
       RETURNING hits, greatest(1, ceil(extract(epoch FROM l.window_start + interval '1 minute' - now())))::int
                 AS "retryAfter"`,
      [key],
    );
    await this.sweep();
    if (hits > this.settings.AUTH_RATE_LIMIT_PER_MINUTE) {
      http.getResponse<Response>().setHeader('Retry-After', String(retryAfter));
      throw new DomainError(ErrorCode.TooManyRequests, `too many requests; try again in ${retryAfter} seconds`);
    }
    return true;
  }

  /** Past windows are dropped, by each process at most once a minute. */
  private async sweep(): Promise<void> {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    await this.dataSource.query(`DELETE FROM auth_rate_limits WHERE window_start < now() - interval '1 minute'`);
  }
}
