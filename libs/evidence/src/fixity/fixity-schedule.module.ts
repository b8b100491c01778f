import { Module } from '@nestjs/common';
import { EvidenceModule } from '../evidence.module.js';
import { FixityScheduler } from './fixity.scheduler.js';

/** The scheduled fixity run; imported by the API only, so CLI commands never start the timer. */
@Module({
  imports: [EvidenceModule],
  providers: [FixityScheduler],
  exports: [FixityScheduler],
})
export class FixityScheduleModule {}
