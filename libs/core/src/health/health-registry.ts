import { Global, Injectable, Module } from '@nestjs/common';

export type HealthCheck = () => Promise<void>;

/**
 * Parts that the service depends on (the database, the object store) register a
 * check here; GET /health runs them all. A check throws when its part is down.
 */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  async run(
    timeoutMs = 3000,
  ): Promise<{ healthy: boolean; components: Record<string, { status: 'up' | 'down'; reason?: string }> }> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        try {
          await withTimeout(check(), timeoutMs);
          return [name, { status: 'up' as const }] as const;
        } catch (error) {
          const reason = error instanceof Error ? error.message : 'unavailable';
          return [name, { status: 'down' as const, reason }] as const;
        }
      }),
    );
    return { healthy: entries.every(([, c]) => c.status === 'up'), components: Object.fromEntries(entries) };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

@Global()
@Module({ providers: [HealthRegistry], exports: [HealthRegistry] })
export class HealthModule {}
