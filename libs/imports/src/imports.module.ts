import { Module } from '@nestjs/common';
import { CasesModule } from '@sillok/cases';
import { ImportController } from './http/import.controller.js';
import { ImportService } from './import.service.js';

/** Bulk import of archives (CSV, JSON Lines) into a case: above testimonies and incidents, used only by the apps. */
@Module({
  imports: [CasesModule],
  controllers: [ImportController],
  providers: [ImportService],
  exports: [ImportService],
})
export class ImportsModule {}
