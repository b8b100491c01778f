import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditModule } from '@sillok/audit';
import { AuthModule, FirstAdministratorNotice } from '@sillok/auth';
import { CaseAuditScope, CasesModule } from '@sillok/cases';
import { ConfigModule, type Settings } from '@sillok/config';
import { HealthModule } from '@sillok/core';
import { DatabaseModule, databaseTimeouts } from '@sillok/database';
import { TaxonomyModule } from '@sillok/taxonomy';
import { TestimoniesModule } from '@sillok/testimonies';
import { EvidenceModule, FixityScheduleModule } from '@sillok/evidence';
import { IncidentsModule } from '@sillok/incidents';
import { ExportsModule } from '@sillok/exports';
import { ImportsModule } from '@sillok/imports';
import { SearchModule } from '@sillok/search';
import { HealthController } from './health/health.controller.js';
import { DatabaseHealth } from './health/database-health.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { IdempotencyKeyPruner } from './idempotency/idempotency-key-pruner.js';
import { IdentityKeysCheck } from './startup/identity-keys-check.js';
import { AuditSealSchedule } from './startup/audit-seal-schedule.js';
import { RequestDeadlineInterceptor } from './http/request-deadline.interceptor.js';

export interface AppOptions {
  settings: Settings;
  databaseUrl: string;
}

/** The whole HTTP application: configuration, database, and every feature module. */
@Module({})
export class AppModule {
  static register({ settings, databaseUrl }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(settings),
        HealthModule,
        DatabaseModule.forRoot(databaseUrl, databaseTimeouts(settings)),
        AuditModule.withCaseScope(CaseAuditScope, [CasesModule]),
        AuthModule,
        CasesModule,
        TaxonomyModule,
        TestimoniesModule,
        EvidenceModule,
        FixityScheduleModule,
        IncidentsModule,
        ExportsModule,
        ImportsModule,
        SearchModule,
      ],
      controllers: [HealthController],
      providers: [
        DatabaseHealth,
        IdentityKeysCheck,
        IdempotencyKeyPruner,
        AuditSealSchedule,
        FirstAdministratorNotice,
        // The deadline wraps the Idempotency-Key handling, so a stored answer never outlives a 503.
        { provide: APP_INTERCEPTOR, useClass: RequestDeadlineInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
