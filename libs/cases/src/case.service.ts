import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { requireRolePermission } from '@sillok/auth';
import { pageOf, Permission, type Actor, type Page } from '@sillok/core';
import { CaseAccessPolicy } from './access/case-access.policy.js';
import { Case } from './case.entity.js';
import { nextCaseReference } from './case-reference.js';
import type { CaseStatus } from './case-status.js';
import { toCaseView } from './case.view.js';
import { CaseMember } from './members/case-member.entity.js';
import { CaseRole } from './members/case-role.js';
import type { CaseResponse } from './case.responses.js';

/** Cases: created by coordinators (who become their lead), listed and read by members only. */
@Injectable()
export class CaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly policy: CaseAccessPolicy,
  ) {}

  async create(actor: Actor, input: { title: string; description?: string }): Promise<CaseResponse> {
    requireRolePermission(actor.role, Permission.CaseCreate);
    // The answer is built inside the transaction: a failure after COMMIT must not be reported.
    return this.audit.transaction(async (manager, audit) => {
      const reference = await nextCaseReference(manager);
      const entity = await manager.getRepository(Case).save(
        manager.getRepository(Case).create({
          reference,
          title: input.title.trim(),
          description: input.description?.trim() ?? '',
          createdBy: actor.userId,
        }),
      );
      await manager.getRepository(CaseMember).insert({
        caseId: entity.id,
        userId: actor.userId,
        caseRole: CaseRole.Lead,
        addedBy: actor.userId,
      });
      audit({ action: AuditAction.CaseCreate, subjectType: 'case', subjectId: entity.id, caseId: entity.id });
      audit({
        action: AuditAction.CaseMemberAdd,
        subjectType: 'user',
        subjectId: actor.userId,
        caseId: entity.id,
        details: { caseRole: CaseRole.Lead },
      });
      return toCaseView(await manager.getRepository(Case).findOneByOrFail({ id: entity.id }), CaseRole.Lead);
    });
  }

  /** The cases the actor is a member of; nobody lists cases they are not in. */
  async list(actor: Actor, query: { limit: number; offset: number; status?: CaseStatus }): Promise<Page<CaseResponse>> {
    requireRolePermission(actor.role, Permission.CaseRead);
    const builder = this.dataSource
      .getRepository(Case)
      .createQueryBuilder('c')
      .innerJoin(CaseMember, 'm', 'm.case_id = c.id AND m.user_id = :userId AND m.removed_at IS NULL', {
        userId: actor.userId,
      })
      .addSelect('m.case_role', 'my_case_role')
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .limit(query.limit)
      .offset(query.offset);
    if (query.status) builder.andWhere('c.status = :status', { status: query.status });
    const [{ entities, raw }, total] = await Promise.all([builder.getRawAndEntities(), builder.getCount()]);
    const roles = new Map(raw.map((row: { c_id: string; my_case_role: CaseRole }) => [row.c_id, row.my_case_role]));
    return pageOf(
      entities.map((entity) => toCaseView(entity, roles.get(entity.id)!)),
      total,
      query,
    );
  }

  async get(actor: Actor, caseId: string): Promise<CaseResponse> {
    const access = await this.policy.requireCaseAccess(actor, caseId, Permission.CaseRead);
    const entity = await this.dataSource.getRepository(Case).findOneByOrFail({ id: caseId });
    return toCaseView(entity, access.caseRole);
  }

  /** Title, description, status: the case lead's to change. */
  async update(
    actor: Actor,
    caseId: string,
    changes: { title?: string; description?: string; status?: CaseStatus },
  ): Promise<CaseResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const access = await this.policy.requireCaseAccess(actor, caseId, Permission.CaseManage, manager);
      const entity = await manager
        .getRepository(Case)
        .findOneOrFail({ where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      const fields: string[] = [];
      if (changes.title !== undefined && changes.title.trim() !== entity.title) {
        entity.title = changes.title.trim();
        fields.push('title');
      }
      if (changes.description !== undefined && changes.description.trim() !== entity.description) {
        entity.description = changes.description.trim();
        fields.push('description');
      }
      const previousStatus = entity.status;
      const statusChanged = changes.status !== undefined && changes.status !== entity.status;
      if (statusChanged) entity.status = changes.status!;
      if (!fields.length && !statusChanged) return toCaseView(entity, access.caseRole);
      entity.updatedAt = new Date();
      await manager.getRepository(Case).save(entity);
      if (fields.length) {
        audit({ action: AuditAction.CaseUpdate, subjectType: 'case', subjectId: caseId, caseId, details: { fields } });
      }
      if (statusChanged) {
        audit({
          action: AuditAction.CaseStatusChange,
          subjectType: 'case',
          subjectId: caseId,
          caseId,
          details: { from: previousStatus, to: entity.status },
        });
      }
      return toCaseView(entity, access.caseRole);
    });
  }
}
