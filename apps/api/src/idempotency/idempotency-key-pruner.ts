import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { pruneExpiredIdempotencyKeys, type LockedRun } from '@sillok/database';

const HOUR_MS = 3_600_000;

/**
 * Removes Idempotency-Key answers past their 24 hours: at start, then every hour. With
 * several API processes one prunes at a time (an advisory lock); the others skip that round.
 */
@Injectable()
export class IdempotencyKeyPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IdempotencyKeys');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<LockedRun<number> | undefined> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    void this.prune();
    this.timer = setInterval(() => void this.prune(), HOUR_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One round (exposed for tests); never rejects: undefined when it failed (logged). */
  prune(): Promise<LockedRun<number> | undefined> {
    this.running ??= pruneExpiredIdempotencyKeys(this.dataSource)
      .then((outcome) => {
        if (outcome.ran && outcome.result) this.logger.log(`removed ${outcome.result} expired idempotency keys`);
        return outcome;
      })
      .catch((error: unknown) => {
        this.logger.error(`pruning idempotency keys failed: ${(error as Error).message}`);
        return undefined;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
