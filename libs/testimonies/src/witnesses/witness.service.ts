import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { CaseAccessPolicy, findInCase, type RecordLookup } from '@sillok/cases';
import { assertVersion, pageOf, Permission, type Actor, type Page } from '@sillok/core';
import { nextReference, withdrawRecord } from '@sillok/database';
import type { CreateWitnessDto, UpdateWitnessDto } from './http/witness.dto.js';
import type { ListWitnessesQuery } from '../testimonies/http/list-testimonies.query.js';
import { Witness, WITNESS_PSEUDONYM } from './witness.entity.js';
import { toWitnessView } from './witness.view.js';
import type { WitnessResponse } from '../testimonies.responses.js';

@Injectable()
export class WitnessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly policy: CaseAccessPolicy,
  ) {}

  async create(actor: Actor, dto: CreateWitnessDto): Promise<WitnessResponse> {
    await this.policy.requireCaseAccess(actor, dto.caseId, Permission.WitnessWrite);
    return this.audit.transaction(async (manager, audit) => {
      const pseudonym = await nextReference(manager, WITNESS_PSEUDONYM);
      const { caseId, ...attributes } = dto;
      const witness = await manager.getRepository(Witness).save(
        manager.getRepository(Witness).create({
          ...attributes,
          caseId,
          pseudonym,
          createdBy: actor.userId,
        }),
      );
      audit({
        action: AuditAction.WitnessCreate,
        subjectType: 'witness',
        subjectId: witness.id,
        caseId,
        details: { fields: Object.keys(attributes) },
      });
      return toWitnessView(await manager.getRepository(Witness).findOneByOrFail({ id: witness.id }));
    });
  }

  async get(actor: Actor, id: string): Promise<WitnessResponse> {
    return toWitnessView(await this.find(this.dataSource.manager, { actor, id, permission: Permission.WitnessRead }));
  }

  async list(actor: Actor, query: ListWitnessesQuery): Promise<Page<WitnessResponse>> {
    const caseIds = await this.policy.scopeCaseIds(actor, Permission.WitnessRead, query.caseId);
    const [items, total] = await this.dataSource.getRepository(Witness).findAndCount({
      where: { caseId: In(caseIds), ...(query.includeWithdrawn ? {} : { withdrawnAt: IsNull() }) },
      order: { pseudonym: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return pageOf(items.map(toWitnessView), total, query);
  }

  async update(actor: Actor, id: string, dto: UpdateWitnessDto): Promise<WitnessResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const witness = await this.find(manager, { actor, id, permission: Permission.WitnessWrite, lock: true });
      assertVersion(witness, dto.version, 'witness');
      const { version: _version, ...changes } = dto;
      const changed = Object.keys(changes).filter((key) => changes[key as keyof typeof changes] !== undefined);
      await manager
        .getRepository(Witness)
        .update({ id }, { ...changes, version: witness.version + 1, updatedAt: new Date() });
      audit({
        action: AuditAction.WitnessUpdate,
        subjectType: 'witness',
        subjectId: id,
        caseId: witness.caseId,
        details: { fields: changed },
      });
      return toWitnessView(await manager.getRepository(Witness).findOneByOrFail({ id }));
    });
  }

  async withdraw(actor: Actor, id: string, reason: string): Promise<WitnessResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const witness = await this.find(manager, { actor, id, permission: Permission.WitnessWrite, lock: true });
      if (await withdrawRecord(manager, Witness, witness, { by: actor.userId, reason }))
        audit({
          action: AuditAction.WitnessWithdraw,
          subjectType: 'witness',
          subjectId: id,
          caseId: witness.caseId,
          reason,
        });
      return toWitnessView(await manager.getRepository(Witness).findOneByOrFail({ id }));
    });
  }

  /** The witness, after the case check; for the other services of this library. */
  find(manager: EntityManager, { actor, id, permission, lock }: RecordLookup): Promise<Witness> {
    return findInCase(manager, { policy: this.policy, actor, permission, entity: Witness, id, what: 'witness', lock });
  }
}
