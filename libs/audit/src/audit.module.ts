import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service.js';
import { AuditVerifier } from './audit-verifier.service.js';

/** The audit trail, injectable everywhere: AuditService to write, AuditVerifier to check the chain. */
@Global()
@Module({ providers: [AuditService, AuditVerifier], exports: [AuditService, AuditVerifier] })
export class AuditModule {}
