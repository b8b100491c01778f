import { Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Settings } from '@sillok/config';
import { HealthRegistry } from '@sillok/core';
import { createObjectStore } from './object-store/object-store.factory.js';
import { OBJECT_STORE, type ObjectStore } from './object-store/object-store.port.js';

/**
 * Evidence storage: provides the configured ObjectStore under OBJECT_STORE and reports it
 * as `objectStore` in GET /health. Startup fails when the store cannot be prepared
 * (bucket missing and not creatable, data directory not writable).
 */
@Module({
  providers: [{ provide: OBJECT_STORE, useFactory: createObjectStore, inject: [Settings] }],
  exports: [OBJECT_STORE],
})
export class EvidenceModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    private readonly health: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.health.register('objectStore', () => this.store.healthCheck());
  }

  onApplicationShutdown(): void {
    (this.store as Partial<{ close(): void }>).close?.();
  }
}
