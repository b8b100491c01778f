import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Settings } from '@sillok/config';
import { FixityService, type FixityRunReport } from './fixity.service.js';

const HOUR_MS = 3_600_000;

export type FixityTickOutcome = { ran: true; report: FixityRunReport } | { ran: false; reason: 'busy' | 'failed' };

/**
 * Runs the fixity check inside the API process every FIXITY_INTERVAL_HOURS (0: never). One run at
 * a time: a tick that finds the previous run still going skips. Each run records and audits its
 * checks exactly as `sillok fixity:check` does, and logs a summary naming failed attachments.
 */
@Injectable()
export class FixityScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Fixity');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<FixityTickOutcome> | undefined;

  constructor(
    private readonly fixity: FixityService,
    private readonly settings: Settings,
  ) {}

  onApplicationBootstrap(): void {
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
  }

  /** One scheduled run (exposed for tests); never rejects. */
  tick(): Promise<FixityTickOutcome> {
    if (this.running) {
      this.logger.warn('previous fixity run still going; this one is skipped');
      return Promise.resolve({ ran: false, reason: 'busy' });
    }
    this.running = this.runOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runOnce(): Promise<FixityTickOutcome> {
    const started = Date.now();
    this.logger.log('fixity run started');
    try {
      const report = await this.fixity.run();
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
