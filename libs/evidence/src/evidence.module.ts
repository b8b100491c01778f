import { Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@sillok/cases';
import { Settings } from '@sillok/config';
import { HealthRegistry } from '@sillok/core';
import { AttachmentIngestService } from './attachments/attachment-ingest.service.js';
import { AttachmentController } from './attachments/http/attachment.controller.js';
import { Attachment } from './attachments/attachment.entity.js';
import { AttachmentService } from './attachments/attachment.service.js';
import { AttachmentCaptureMetadata } from './capture/capture-metadata.entity.js';
import { FixityCheck } from './attachments/fixity-check.entity.js';
import { FixityController } from './fixity/http/fixity.controller.js';
import { FixityStatusService } from './fixity/fixity-status.service.js';
import { FixityService } from './fixity/fixity.service.js';
import { createObjectStore } from './object-store/object-store.factory.js';
import { OBJECT_STORE, type ObjectStore } from './object-store/object-store.port.js';
import { objectKeyColumnOf, ObjectReferences } from './sweeper/object-references.js';
import { ObjectSweeper } from './sweeper/object-sweeper.js';
import { SweepRunner } from './sweeper/sweep-runner.js';

/**
 * Evidence storage and attachments: provides the configured ObjectStore under OBJECT_STORE
 * and reports it as `objectStore` in GET /health. Startup fails when the store cannot be
 * prepared (bucket missing and not creatable, data directory not writable).
 */
@Module({
  imports: [CasesModule, TypeOrmModule.forFeature([Attachment, FixityCheck, AttachmentCaptureMetadata])],
  controllers: [AttachmentController, FixityController],
  providers: [
    { provide: OBJECT_STORE, useFactory: createObjectStore, inject: [Settings] },
    AttachmentIngestService,
    AttachmentService,
    FixityService,
    FixityStatusService,
    ObjectReferences,
    ObjectSweeper,
    SweepRunner,
  ],
  exports: [
    OBJECT_STORE,
    AttachmentIngestService,
    AttachmentService,
    FixityService,
    ObjectReferences,
    ObjectSweeper,
    SweepRunner,
  ],
})
export class EvidenceModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    private readonly health: HealthRegistry,
    private readonly references: ObjectReferences,
  ) {}

  onModuleInit(): void {
    this.health.register('objectStore', () => this.store.healthCheck());
    this.references.register('attachments', objectKeyColumnOf('attachments'));
  }

  onApplicationShutdown(): void {
    (this.store as Partial<{ close(): void }>).close?.();
  }
}
