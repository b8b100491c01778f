import { Global, Module, type DynamicModule, type ModuleMetadata, type Type } from '@nestjs/common';
import { Settings } from '@sillok/config';
import { AUDIT_CASE_SCOPE, AuditorOnlyCaseScope, type AuditCaseScope } from './audit-case-scope.js';
import { AuditCheckpointService } from './audit-checkpoint.service.js';
import { AuditReadService } from './audit-read.service.js';
import { AuditSigningKey } from './audit-signing-key.js';
import { AuditVerifier } from './audit-verifier.service.js';
import { AuditService } from './audit.service.js';
import { AuditSealer } from './audit-sealer.js';
import { AuditController } from './http/audit.controller.js';

const SERVICES = [AuditService, AuditSealer, AuditVerifier, AuditCheckpointService, AuditReadService];
// null where AUDIT_SIGNING_KEY is not set: a production API never holds it (apiProcessSettingsProblems).
const SIGNING_KEY = {
  provide: AuditSigningKey,
  useFactory: (settings: Settings) =>
    settings.AUDIT_SIGNING_KEY === undefined ? null : AuditSigningKey.fromSettings(settings),
  inject: [Settings],
};

/**
 * The audit trail, injectable everywhere: AuditService to write, AuditVerifier and
 * AuditCheckpointService to check and seal the chain, GET /audit and /audit/verify to read it.
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [...SERVICES, SIGNING_KEY, { provide: AUDIT_CASE_SCOPE, useClass: AuditorOnlyCaseScope }],
  exports: SERVICES,
})
export class AuditModule {
  /**
   * The module with another per-case scope for GET /audit, e.g. in app.module:
   * `AuditModule.withCaseScope(CaseAuditScope, [CasesModule])` (CasesModule exporting CaseAuditScope).
   */
  static withCaseScope(scope: Type<AuditCaseScope>, imports: ModuleMetadata['imports'] = []): DynamicModule {
    return {
      module: AuditModule,
      imports,
      providers: [{ provide: AUDIT_CASE_SCOPE, useExisting: scope }],
    };
  }
}
