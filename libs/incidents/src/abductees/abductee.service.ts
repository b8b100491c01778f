import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { CaseAccessPolicy, findInCase, type RecordLookup } from '@sillok/cases';
import { nextReference, withdrawRecord } from '@sillok/database';
import {
  DomainError,
  ErrorCode,
  assertVersion,
  pageOf,
  Permission,
  requireDateOrder,
  requireNonNull,
  type Actor,
  type Page,
} from '@sillok/core';
import { TaxonomyService } from '@sillok/taxonomy';
import {
  IdentityKeyRing,
  openRecord,
  requireTermFields,
  resealInBatches,
  resealRecord,
  sealRecord,
  Testimony,
} from '@sillok/testimonies';
import type { CreateAbducteeDto, ListAbducteesQuery, UpdateAbducteeDto } from './http/abductee.dto.js';
import { Incident } from '../incidents/incident.entity.js';
import { requireInCase } from '../same-case.js';
import { Abductee, ABDUCTEE_REFERENCE } from './abductee.entity.js';
import { toAbducteeView } from './abductee.view.js';
import type { AbducteeNameResponse, AbducteeResponse } from './abductee.responses.js';

type AbducteeFields = Omit<UpdateAbducteeDto, 'version'>;

const ALWAYS_SET = ['externalReferences', 'testimonyIds', 'incidentIds', 'notes'] as const;

/** The sealed name binds to its record: a ciphertext copied to another row does not open. */
const owner = (id: string) => `abductee:${id}`;

/**
 * The registry of abducted or disappeared persons. A name at risk is sealed with the identity
 * vault's keys; it is opened only by readName (witness.identity.read, a reason, audited).
 */
@Injectable()
export class AbducteeService {
  constructor(
    private readonly ring: IdentityKeyRing,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly policy: CaseAccessPolicy,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async create(actor: Actor, dto: CreateAbducteeDto): Promise<AbducteeResponse> {
    return this.audit.transaction(async (manager, audit) => {
      await this.policy.requireCaseAccess(actor, dto.caseId, Permission.IncidentWrite, manager);
      await this.checkFields(manager, dto.caseId, dto, null);
      const id = randomUUID();
      const reference = await nextReference(manager, ABDUCTEE_REFERENCE);
      const { name, nameAtRisk = false, ...fields } = dto;
      if (nameAtRisk && !name)
        throw DomainError.validation([{ field: 'name', reason: 'a name at risk must be given to be sealed' }]);
      await manager.getRepository(Abductee).insert({
        ...fields,
        id,
        reference,
        ...this.nameColumns(id, name ?? null, nameAtRisk),
        createdBy: actor.userId,
      } as Record<string, unknown>);
      audit({
        action: AuditAction.AbducteeCreate,
        subjectType: 'abductee',
        subjectId: id,
        caseId: dto.caseId,
        // field names only: a name identifies people at risk
        details: { fields: Object.keys(dto).sort(), nameAtRisk },
      });
      return this.view(manager, id);
    });
  }

  async get(actor: Actor, id: string): Promise<AbducteeResponse> {
    return toAbducteeView(await this.find(this.dataSource.manager, { actor, id, permission: Permission.IncidentRead }));
  }

  async list(actor: Actor, query: ListAbducteesQuery): Promise<Page<AbducteeResponse>> {
    const caseIds = await this.policy.scopeCaseIds(actor, Permission.IncidentRead, query.caseId);
    const builder = this.dataSource
      .getRepository(Abductee)
      .createQueryBuilder('a')
      .where('a.case_id = ANY(:caseIds)', { caseIds });
    if (!query.includeWithdrawn) builder.andWhere('a.withdrawn_at IS NULL');
    if (query.category) {
      const ids = await this.taxonomy.descendantIds([query.category]);
      builder.andWhere('a.abduction_category_term_id = ANY(:categoryIds::uuid[])', { categoryIds: ids });
    }
    if (query.status) builder.andWhere('a.status_term_id = :status', { status: query.status });
    if (query.nationality) builder.andWhere('a.nationality = :nationality', { nationality: query.nationality });
    if (query.testimonyId) builder.andWhere(':testimonyId = ANY(a.testimony_ids)', { testimonyId: query.testimonyId });
    if (query.incidentId) builder.andWhere(':incidentId = ANY(a.incident_ids)', { incidentId: query.incidentId });
    builder.orderBy('a.created_at', 'ASC').addOrderBy('a.id', 'ASC').offset(query.offset).limit(query.limit);
    const [rows, total] = await builder.getManyAndCount();
    return pageOf(rows.map(toAbducteeView), total, query);
  }

  async update(actor: Actor, id: string, dto: UpdateAbducteeDto): Promise<AbducteeResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const abductee = await this.find(manager, { actor, id, permission: Permission.IncidentWrite, lock: true });
      if (abductee.withdrawnAt)
        throw new DomainError(ErrorCode.Conflict, 'the record has been withdrawn and no longer changes');
      assertVersion(abductee, dto.version, 'abductee');
      const { version: _version, name, nameAtRisk, ...fields } = dto;
      await this.checkFields(manager, abductee.caseId, fields, abductee);
      const changes: Record<string, unknown> = { ...fields, version: abductee.version + 1, updatedAt: new Date() };
      const atRisk = nameAtRisk ?? abductee.nameAtRisk;
      if (name !== undefined || atRisk !== abductee.nameAtRisk) {
        // Unsealing needs the name given again: an update never opens the vault on its own.
        if (name === undefined && !atRisk)
          throw DomainError.validation([{ field: 'name', reason: 'give the name to store it unsealed' }]);
        Object.assign(changes, this.nameColumns(id, name ?? abductee.name, atRisk));
      }
      await manager.getRepository(Abductee).update({ id }, changes);
      audit({
        action: AuditAction.AbducteeUpdate,
        subjectType: 'abductee',
        subjectId: id,
        caseId: abductee.caseId,
        details: {
          fields: Object.keys(dto)
            .filter((f) => f !== 'version')
            .sort(),
          nameAtRisk: atRisk,
        },
      });
      return this.view(manager, id);
    });
  }

  async withdraw(actor: Actor, id: string, reason: string): Promise<AbducteeResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const abductee = await this.find(manager, { actor, id, permission: Permission.IncidentWrite, lock: true });
      if (await withdrawRecord(manager, Abductee, abductee, { by: actor.userId, reason }))
        audit({
          action: AuditAction.AbducteeWithdraw,
          subjectType: 'abductee',
          subjectId: id,
          caseId: abductee.caseId,
          reason,
        });
      return this.view(manager, id);
    });
  }

  /** The name, sealed or not, for witness.identity.read with a reason; the audit row commits with the read. */
  async readName(actor: Actor, id: string, reason: string): Promise<AbducteeNameResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const abductee = await this.find(manager, { actor, id, permission: Permission.WitnessIdentityRead });
      const name =
        abductee.nameAtRisk && abductee.nameKeyId && abductee.nameNonce && abductee.nameCiphertext
          ? openRecord<{ name: string }>(this.ring, owner(id), {
              keyId: abductee.nameKeyId,
              nonce: abductee.nameNonce,
              ciphertext: abductee.nameCiphertext,
            }).name
          : abductee.name;
      audit({
        action: AuditAction.AbducteeNameRead,
        subjectType: 'abductee',
        subjectId: id,
        caseId: abductee.caseId,
        reason,
      });
      return { abducteeId: id, name };
    });
  }

  /**
   * Re-seals every sealed name not under the current key (`sillok keys:rotate`), in batches,
   * each record audited; resumable like the witness identity rotation.
   */
  async rotateNames(onProgress: (done: number, total: number) => void = () => undefined, batchSize = 200) {
    const stale = { nameKeyId: Not(this.ring.currentKeyId), nameCiphertext: Not(IsNull()) };
    return resealInBatches(
      this.audit,
      {
        countStale: () => this.dataSource.getRepository(Abductee).countBy(stale),
        nextBatch: (manager, take) =>
          manager.getRepository(Abductee).find({ where: stale, take, lock: { mode: 'pessimistic_write' } }),
        reseal: async (manager, audit, a) => {
          const sealed = { keyId: a.nameKeyId!, nonce: a.nameNonce!, ciphertext: a.nameCiphertext! };
          const resealed = resealRecord(this.ring, owner(a.id), sealed);
          await manager
            .getRepository(Abductee)
            .update(
              { id: a.id },
              { nameKeyId: resealed.keyId, nameNonce: resealed.nonce, nameCiphertext: resealed.ciphertext },
            );
          audit({
            action: AuditAction.AbducteeNameRekey,
            subjectType: 'abductee',
            subjectId: a.id,
            caseId: a.caseId,
            details: { fromKeyId: a.nameKeyId, toKeyId: resealed.keyId },
          });
        },
      },
      onProgress,
      batchSize,
    );
  }

  private find(manager: EntityManager, { actor, id, permission, lock }: RecordLookup) {
    return findInCase(manager, {
      policy: this.policy,
      actor,
      permission,
      entity: Abductee,
      id,
      what: 'abductee',
      lock,
    });
  }

  private nameColumns(id: string, name: string | null, atRisk: boolean) {
    if (!atRisk) return { name, nameAtRisk: false, nameKeyId: null, nameNonce: null, nameCiphertext: null };
    const sealed = sealRecord(this.ring, owner(id), { name });
    return {
      name: null,
      nameAtRisk: true,
      nameKeyId: sealed.keyId,
      nameNonce: sealed.nonce,
      nameCiphertext: sealed.ciphertext,
    };
  }

  private async checkFields(
    manager: EntityManager,
    caseId: string,
    dto: AbducteeFields,
    current: Abductee | null,
  ): Promise<void> {
    requireNonNull(dto, ALWAYS_SET);
    requireDateOrder(
      dto.abductedFrom !== undefined ? dto.abductedFrom : current?.abductedFrom,
      dto.abductedTo !== undefined ? dto.abductedTo : current?.abductedTo,
      'abductedTo',
    );
    await requireTermFields(this.taxonomy, manager, [
      {
        field: 'abductionCategoryTermId',
        scheme: 'abduction-category',
        ids: dto.abductionCategoryTermId,
        current: current?.abductionCategoryTermId,
      },
      { field: 'statusTermId', scheme: 'abductee-status', ids: dto.statusTermId, current: current?.statusTermId },
    ]);
    await requireInCase(manager, { entity: Testimony, ids: dto.testimonyIds, caseId, field: 'testimonyIds' });
    await requireInCase(manager, { entity: Incident, ids: dto.incidentIds, caseId, field: 'incidentIds' });
  }

  private async view(manager: EntityManager, id: string): Promise<AbducteeResponse> {
    return toAbducteeView(await manager.getRepository(Abductee).findOneByOrFail({ id }));
  }
}
