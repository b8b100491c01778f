import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '@sillok/core';
import { OCCURRED_AT_SQL_FORMAT } from './audit-chain.js';
import { AuditAction } from './audit-action.js';
import { signCheckpoint, type SignedAuditCheckpoint } from './audit-checkpoint.js';
import { AuditSigningKey, NO_AUDIT_SIGNING_KEY } from './audit-signing-key.js';
import { AuditService } from './audit.service.js';
import { AuditVerifier, type AuditVerifyOptions } from './audit-verifier.service.js';

/**
 * Signed statements of the chain head, to be deposited outside Sillok (with a notary, a
 * partner organisation, a public timestamping service): whoever later rewrites the log,
 * even with database superuser rights, cannot make it agree with them again.
 */
@Injectable()
export class AuditCheckpointService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly verifier: AuditVerifier,
    private readonly audit: AuditService,
    @Optional() @Inject(AuditSigningKey) private readonly key: AuditSigningKey | null,
  ) {}

  /** Verifies the whole chain, then signs its head; a broken chain is refused, never signed. */
  async create(options: Pick<AuditVerifyOptions, 'onProgress'> = {}): Promise<SignedAuditCheckpoint> {
    const signingKey = this.signingKey;
    const result = await this.verifier.verify(options);
    if (!result.ok) {
      throw new DomainError(
        ErrorCode.Conflict,
        `the audit chain is broken at seq ${result.seq} (${result.problem}): not signed`,
      );
    }
    const [{ time }] = await this.dataSource.query(
      `SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', ${OCCURRED_AT_SQL_FORMAT}) AS time`,
    );
    const checkpoint = signCheckpoint(
      { headSeq: result.headSeq, headHash: result.headHash, time },
      signingKey.privateKey,
      signingKey.fingerprint,
    );
    await this.audit.recordNow({
      action: AuditAction.AuditCheckpoint,
      // The whole signed statement, so GET /audit/checkpoints/latest can show (and hand out) what was deposited.
      details: {
        headSeq: result.headSeq,
        headHash: result.headHash,
        time,
        signature: checkpoint.signature,
        publicKeyFingerprint: signingKey.fingerprint,
      },
    });
    return checkpoint;
  }

  publicKeyPem(): string {
    return this.signingKey.publicKeyPem;
  }

  private get signingKey(): AuditSigningKey {
    if (!this.key) throw new DomainError(ErrorCode.Unavailable, NO_AUDIT_SIGNING_KEY);
    return this.key;
  }
}
