import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@sillok/cases';
import { Settings } from '@sillok/config';
import { EvidenceModule } from '@sillok/evidence';
import { TestimoniesModule } from '@sillok/testimonies';
import { CaseExportSeal } from './case-export-seal.entity.js';
import { CaseExport } from './case-export.entity.js';
import { CaseFileCollector } from './collect/case-file.collector.js';
import { ExportObjectReferences } from './export-object-references.js';
import { ExportSigningKey } from './export-signing-key.js';
import { ExportService } from './export.service.js';
import { ExportController } from './http/export.controller.js';

/** Case-file exports: profiles, consent-aware selection, signed BagIt bundles in the object store. */
@Module({
  imports: [CasesModule, TestimoniesModule, EvidenceModule, TypeOrmModule.forFeature([CaseExport, CaseExportSeal])],
  controllers: [ExportController],
  providers: [
    // Fails at start, naming EXPORT_SIGNING_KEY, when the key is not an Ed25519 private key.
    {
      provide: ExportSigningKey,
      useFactory: (settings: Settings) => ExportSigningKey.fromSettings(settings),
      inject: [Settings],
    },
    CaseFileCollector,
    ExportService,
    ExportObjectReferences,
  ],
  exports: [ExportService, ExportSigningKey],
})
export class ExportsModule {}
