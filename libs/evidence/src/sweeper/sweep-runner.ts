import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Settings } from '@sillok/config';
import { whileHoldingAdvisoryLock, type LockedRun } from '@sillok/database';
import { ObjectSweeper, type SweepReport } from './object-sweeper.js';

const HOUR_MS = 3_600_000;

/**
 * One sweep at a time across every process on this database (API processes and the CLI):
 * the others skip while one holds the lock. Logs what it removed.
 */
@Injectable()
export class SweepRunner {
  private readonly logger = new Logger('ObjectSweep');

  constructor(
    private readonly dataSource: DataSource,
    private readonly sweeper: ObjectSweeper,
    private readonly settings: Settings,
  ) {}

  async run(options: { dryRun?: boolean; graceHours?: number } = {}): Promise<LockedRun<SweepReport>> {
    const graceMs = (options.graceHours ?? this.settings.OBJECT_SWEEP_GRACE_HOURS) * HOUR_MS;
    const outcome = await whileHoldingAdvisoryLock(this.dataSource, 'objects:sweep', () =>
      this.sweeper.sweep({ graceMs, dryRun: options.dryRun }),
    );
    if (!outcome.ran) {
      this.logger.log('another process is sweeping the object store; skipped');
      return outcome;
    }
    const { temporaryRemoved, unreferencedRemoved, bytesFreed, keptInGrace } = outcome.result;
    if (temporaryRemoved || unreferencedRemoved)
      this.logger.warn(
        `removed ${temporaryRemoved} partial writes and ${unreferencedRemoved} objects no record refers to ` +
          `(${bytesFreed} bytes); ${keptInGrace} younger than the grace period kept`,
      );
    return outcome;
  }
}
