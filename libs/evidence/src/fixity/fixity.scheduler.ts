import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Settings } from '@sillok/config';
import { whileHoldingAdvisoryLock } from '@sillok/database';
import { SweepRunner } from '../sweeper/sweep-runner.js';
import { FixityService, type FixityRunReport } from './fixity.service.js';

const HOUR_MS = 3_600_000;

export type FixityTickOutcome = { ran: true; report: FixityRunReport } | { ran: false; reason: 'busy' | 'failed' };

/**
 * Runs the fixity check inside the API process every FIXITY_INTERVAL_HOURS (0: never). One run at
 * a time: a tick that finds the previous run still going skips. Each run records and audits its
 * checks exactly as `sillok fixity:check` does, and logs a summary naming failed attachments.
 * With several API processes on one database only one runs it (an advisory lock; the others
 * skip as busy). The object sweeper runs at start and after each fixity run, also one at a time.
 */
@Injectable()
export class FixityScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Fixity');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<FixityTickOutcome> | undefined;
  private sweeping: Promise<unknown> | undefined;

  constructor(
    private readonly fixity: FixityService,
    private readonly settings: Settings,
    private readonly dataSource: DataSource,
    private readonly sweeps: SweepRunner,
  ) {}

  onApplicationBootstrap(): void {
    // Whatever a killed process left behind goes at start (past the grace period only).
    this.sweep();
    const hours = this.settings.FIXITY_INTERVAL_HOURS;
    if (hours <= 0) return;
    this.timer = setInterval(() => void this.tick(), hours * HOUR_MS);
    this.timer.unref();
    this.logger.log(`fixity checks scheduled every ${hours} h`);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    // Let a run in progress finish its current check rather than cut a transaction off.
    await this.running;
    await this.sweeping;
  }

  /** Starts a sweep unless one is running in this process; never rejects. */
  private sweep(): void {
    this.sweeping ??= this.sweeps
      .run()
      .catch((error: unknown) => this.logger.error(`object sweep failed: ${(error as Error).message}`))
      .finally(() => (this.sweeping = undefined));
  }

  /** One scheduled run (exposed for tests); never rejects. */
  tick(): Promise<FixityTickOutcome> {
    if (this.running) {
      this.logger.warn('previous fixity run still going; this one is skipped');
      return Promise.resolve({ ran: false, reason: 'busy' });
    }
    this.running = this.runOnce().finally(() => {
      this.running = undefined;
      this.sweep();
    });
    return this.running;
  }

  private async runOnce(): Promise<FixityTickOutcome> {
    const started = Date.now();
    this.logger.log('fixity run started');
    try {
      const locked = await whileHoldingAdvisoryLock(this.dataSource, 'fixity', () => this.fixity.run());
      if (!locked.ran) {
        this.logger.log('another process is running the fixity check; this one is skipped');
        return { ran: false, reason: 'busy' };
      }
      const report = locked.result;
      const what = `fixity run ${report.runId}: ${report.checked} checked in ${Date.now() - started} ms`;
      if (report.failures.length > 0) {
        const ids = (missing: boolean) =>
          report.failures
            .filter((f) => f.missing === missing)
            .map((f) => f.attachmentId)
            .join(', ') || 'none';
        this.logger.error(`${what}; mismatched: ${ids(false)}; missing: ${ids(true)}`);
      } else {
        this.logger.log(`${what}, all match`);
      }
      return { ran: true, report };
    } catch (error) {
      this.logger.error(`fixity run failed: ${(error as Error).message}`);
      return { ran: false, reason: 'failed' };
    }
  }
}
