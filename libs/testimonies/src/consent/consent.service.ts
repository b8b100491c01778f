import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { DomainError, Permission, type Actor } from '@sillok/core';
import type { RecordConsentDto } from '../witnesses/http/consent.dto.js';
import { Testimony } from '../testimonies/testimony.entity.js';
import { WitnessService } from '../witnesses/witness.service.js';
import { ConsentRecord } from './consent-record.entity.js';
import { effectiveConsent, type EffectiveConsent } from './effective-consent.js';
import type { ConsentLedgerResponse, ConsentRecordResponse } from '../testimonies.responses.js';

function toView(r: ConsentRecord): ConsentRecordResponse {
  return {
    version: r.version,
    testimonyId: r.testimonyId,
    scopes: r.scopes,
    method: r.method,
    conditions: r.conditions,
    isWithdrawal: r.isWithdrawal,
    takenBy: r.takenBy,
    takenAt: r.takenAt.toISOString(),
    recordedAt: r.recordedAt.toISOString(),
  };
}

/** The consent ledger: versions are only ever added, and the current consent is computed from them. */
@Injectable()
export class ConsentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly witnesses: WitnessService,
  ) {}

  async record(actor: Actor, witnessId: string, dto: RecordConsentDto): Promise<ConsentLedgerResponse> {
    await this.audit.transaction(async (manager, audit) => {
      // Locking the witness serialises versions of its ledger.
      const witness = await this.witnesses.find(manager, {
        actor,
        id: witnessId,
        permission: Permission.ConsentWrite,
        lock: true,
      });
      if (dto.testimonyId) {
        const testimony = await manager.getRepository(Testimony).findOneBy({ id: dto.testimonyId, witnessId });
        if (!testimony)
          throw DomainError.validation([{ field: 'testimonyId', reason: 'is not a testimony of this witness' }]);
      }
      const ledger = await manager.getRepository(ConsentRecord).findBy({ witnessId });
      const sameScope = ledger.filter((r) => r.testimonyId === (dto.testimonyId ?? null));
      const previous = sameScope.reduce<ConsentRecord | undefined>(
        (a, b) => (!a || b.version > a.version ? b : a),
        undefined,
      );
      const version = (previous?.version ?? 0) + 1;
      const isWithdrawal = !!previous && previous.scopes.some((scope) => !dto.scopes.includes(scope));
      await manager.getRepository(ConsentRecord).insert({
        witnessId,
        testimonyId: dto.testimonyId ?? null,
        version,
        scopes: dto.scopes,
        method: dto.method,
        conditions: dto.conditions ?? '',
        isWithdrawal,
        takenBy: dto.takenBy ?? actor.userId,
        takenAt: dto.takenAt,
      });
      audit({
        action: AuditAction.ConsentRecord,
        subjectType: 'witness',
        subjectId: witnessId,
        caseId: witness.caseId,
        details: { version, testimonyId: dto.testimonyId ?? null, scopes: dto.scopes, withdrawal: isWithdrawal },
      });
    });
    return this.ledger(actor, witnessId);
  }

  async ledger(actor: Actor, witnessId: string): Promise<ConsentLedgerResponse> {
    await this.witnesses.find(this.dataSource.manager, { actor, id: witnessId, permission: Permission.WitnessRead });
    const records = await this.dataSource
      .getRepository(ConsentRecord)
      .find({ where: { witnessId }, order: { recordedAt: 'ASC', version: 'ASC' } });
    return { witnessId, current: effectiveConsent(records), records: records.map(toView) };
  }

  /**
   * The consent that applies to each testimony now; for the testimony views and exports.
   * `manager`: read inside the caller's transaction (a write's answer is built before it commits).
   */
  async effectiveFor(
    testimonies: Array<{ id: string; witnessId: string }>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, EffectiveConsent>> {
    const witnessIds = [...new Set(testimonies.map((t) => t.witnessId))];
    const records = witnessIds.length
      ? await manager
          .getRepository(ConsentRecord)
          .createQueryBuilder('c')
          .where('c.witness_id = ANY(:ids)', { ids: witnessIds })
          .getMany()
      : [];
    return new Map(
      testimonies.map((t) => [
        t.id,
        effectiveConsent(
          records.filter((r) => r.witnessId === t.witnessId),
          t.id,
        ),
      ]),
    );
  }
}
