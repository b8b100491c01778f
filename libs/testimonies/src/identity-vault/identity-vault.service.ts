import { Injectable } from '@nestjs/common';
import { DataSource, Not } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { DomainError, ErrorCode, Permission, type Actor } from '@sillok/core';
import type { WitnessIdentityDto, PutWitnessIdentityDto } from '../witnesses/http/identity.dto.js';
import { WitnessService } from '../witnesses/witness.service.js';
import { openRecord, resealRecord, sealRecord } from './identity-cipher.js';
import { IdentityKeyRing } from './identity-key-ring.js';
import { resealInBatches } from './reseal-in-batches.js';
import { WitnessIdentityRecord } from './witness-identity.entity.js';
import type { IdentityVersionResponse, WitnessIdentityResponse } from '../testimonies.responses.js';

/**
 * The only code that decrypts witness identities. Each read needs witness.identity.read,
 * membership of the witness's case and a stated reason, and writes its audit row in the
 * same transaction as the read: no row, no identity.
 */
@Injectable()
export class IdentityVaultService {
  constructor(
    private readonly ring: IdentityKeyRing,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly witnesses: WitnessService,
  ) {}

  async put(actor: Actor, witnessId: string, dto: PutWitnessIdentityDto): Promise<IdentityVersionResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const witness = await this.witnesses.find(manager, {
        actor,
        id: witnessId,
        permission: Permission.WitnessIdentityWrite,
        lock: true,
      });
      const repository = manager.getRepository(WitnessIdentityRecord);
      const existing = await repository.findOneBy({ witnessId });
      if (existing && dto.version === undefined) {
        throw DomainError.validation([
          { field: 'version', reason: 'version is required to change an existing identity' },
        ]);
      }
      if (existing) {
        if (existing.version !== dto.version) {
          throw DomainError.staleVersion(
            `identity was changed by someone else (now version ${existing.version})`,
            existing.version,
          );
        }
      }
      const { version: _version, ...identity } = dto;
      const sealed = sealRecord(this.ring, witnessId, identity);
      const version = (existing?.version ?? 0) + 1;
      await repository.save({ witnessId, ...sealed, updatedBy: actor.userId, updatedAt: new Date(), version });
      // Which parts were given, never their values.
      const fields = Object.keys(identity).filter((key) => identity[key as keyof typeof identity] !== undefined);
      audit({
        action: AuditAction.WitnessIdentityWrite,
        subjectType: 'witness',
        subjectId: witnessId,
        caseId: witness.caseId,
        details: { fields },
      });
      return { version };
    });
  }

  async read(actor: Actor, witnessId: string, reason: string): Promise<WitnessIdentityResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const witness = await this.witnesses.find(manager, {
        actor,
        id: witnessId,
        permission: Permission.WitnessIdentityRead,
      });
      const record = await manager.getRepository(WitnessIdentityRecord).findOneBy({ witnessId });
      if (!record) throw new DomainError(ErrorCode.NotFound, 'no identity is recorded for this witness');
      const identity = openRecord<WitnessIdentityDto>(this.ring, witnessId, record);
      audit({
        action: AuditAction.WitnessIdentityRead,
        subjectType: 'witness',
        subjectId: witnessId,
        caseId: witness.caseId,
        reason,
      });
      return {
        witnessId,
        identity,
        keyId: record.keyId,
        updatedAt: record.updatedAt.toISOString(),
        version: record.version,
      };
    });
  }

  /**
   * Re-seals every record not under the current key, in batches, each audited. Progress is
   * reported per batch; it can be interrupted and run again (it only takes what is left).
   */
  async rotate(onProgress: (done: number, total: number) => void = () => undefined, batchSize = 200): Promise<number> {
    const stale = { keyId: Not(this.ring.currentKeyId) };
    return resealInBatches(
      this.audit,
      {
        countStale: () => this.dataSource.getRepository(WitnessIdentityRecord).countBy(stale),
        nextBatch: (manager, take) =>
          manager
            .getRepository(WitnessIdentityRecord)
            .find({ where: stale, take, lock: { mode: 'pessimistic_write' } }),
        reseal: async (manager, audit, record) => {
          const sealed = resealRecord(this.ring, record.witnessId, record);
          await manager.getRepository(WitnessIdentityRecord).update({ witnessId: record.witnessId }, sealed);
          audit({
            action: AuditAction.WitnessIdentityRekey,
            subjectType: 'witness',
            subjectId: record.witnessId,
            details: { fromKeyId: record.keyId, toKeyId: sealed.keyId },
          });
        },
      },
      onProgress,
      batchSize,
    );
  }
}
