import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuditSealer } from '@sillok/audit';
import { HealthRegistry } from '@sillok/core';

/** How often the API chains events that committed while another transaction held the chain lock. */
export const AUDIT_SEAL_INTERVAL_MS = 1000;
/** /health reports the audit chain down when a committed event has waited longer than this. */
export const AUDIT_SEAL_LAG_LIMIT_SECONDS = 60;

/**
 * Seals the audit chain every second, so events left pending when the writes stop are chained
 * within about a second, and reports the sealer's lag in /health (`auditChain`). With several
 * API processes each seals; the chain lock makes them take turns.
 */
@Injectable()
export class AuditSealSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditSealer');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private failing = false;

  constructor(
    private readonly sealer: AuditSealer,
    private readonly health: HealthRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.health.register('auditChain', async () => {
      const age = await this.sealer.oldestPendingAgeSeconds();
      if (age > AUDIT_SEAL_LAG_LIMIT_SECONDS) {
        throw new Error(`audit events have waited ${Math.round(age)} s to be chained`);
      }
    });
    this.timer = setInterval(() => void this.seal(), AUDIT_SEAL_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One round; never rejects. A failure is logged once per outage (the lag shows in /health meanwhile). */
  private seal(): Promise<void> {
    this.running ??= this.sealer
      .seal()
      .then(() => {
        if (this.failing) this.logger.log('sealing the audit chain works again');
        this.failing = false;
      })
      .catch((error: unknown) => {
        if (!this.failing) this.logger.warn(`sealing the audit chain failed: ${(error as Error).message}`);
        this.failing = true;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
