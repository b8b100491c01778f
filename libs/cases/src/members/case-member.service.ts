import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { UserStatus } from '@sillok/auth';
import { DomainError, ErrorCode, pageOf, Permission, type Actor, type Page } from '@sillok/core';
import { CaseAccessPolicy } from '../access/case-access.policy.js';
import { CaseMember } from './case-member.entity.js';
import { CaseRole } from './case-role.js';
import type { CaseMemberResponse } from '../case.responses.js';

const MEMBER_COLUMNS = `m.user_id AS "userId", u.display_name AS "displayName", u.email, u.role,
  m.case_role AS "caseRole", m.added_by AS "addedBy", m.created_at AS "addedAt", m.updated_at AS "updatedAt"`;

/** Who is in a case: listed by its members, changed by its leads. A case always keeps one lead. */
@Injectable()
export class CaseMemberService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly policy: CaseAccessPolicy,
  ) {}

  async list(
    actor: Actor,
    caseId: string,
    query: { limit: number; offset: number },
  ): Promise<Page<CaseMemberResponse>> {
    await this.policy.requireCaseAccess(actor, caseId, Permission.CaseRead);
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${MEMBER_COLUMNS} FROM case_members m JOIN users u ON u.id = m.user_id
          WHERE m.case_id = $1 AND m.removed_at IS NULL
          ORDER BY m.created_at, m.user_id LIMIT $2 OFFSET $3`,
        [caseId, query.limit, query.offset],
      ),
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM case_members WHERE case_id = $1 AND removed_at IS NULL`,
        [caseId],
      ),
    ]);
    return pageOf((rows as Array<Record<string, unknown>>).map(toView), total as number, query);
  }

  async get(actor: Actor, caseId: string, userId: string): Promise<CaseMemberResponse> {
    await this.policy.requireCaseAccess(actor, caseId, Permission.CaseRead);
    return this.find(this.dataSource.manager, caseId, userId);
  }

  /** Adds an active user (or brings back one who was removed) with a case role. */
  async add(actor: Actor, caseId: string, input: { userId: string; caseRole: CaseRole }): Promise<CaseMemberResponse> {
    return this.audit.transaction(async (manager, audit) => {
      await this.policy.requireCaseAccess(actor, caseId, Permission.CaseManage, manager);
      const [user] = (await manager.query(`SELECT status FROM users WHERE id = $1`, [input.userId])) as Array<{
        status: string;
      }>;
      if (!user) throw DomainError.notFound('user');
      if (user.status !== UserStatus.Active) throw new DomainError(ErrorCode.Conflict, 'the user is disabled');
      const existing = await manager.getRepository(CaseMember).findOne({
        where: { caseId, userId: input.userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (existing && existing.removedAt === null) {
        throw new DomainError(ErrorCode.Conflict, 'the user is already a member of this case');
      }
      if (existing) {
        await manager
          .getRepository(CaseMember)
          .update(
            { caseId, userId: input.userId },
            { caseRole: input.caseRole, addedBy: actor.userId, removedAt: null, updatedAt: new Date() },
          );
      } else {
        await manager.getRepository(CaseMember).insert({
          caseId,
          userId: input.userId,
          caseRole: input.caseRole,
          addedBy: actor.userId,
        });
      }
      audit({
        action: AuditAction.CaseMemberAdd,
        subjectType: 'user',
        subjectId: input.userId,
        caseId,
        details: { caseRole: input.caseRole, rejoined: existing !== null },
      });
      return this.find(manager, caseId, input.userId);
    });
  }

  async update(actor: Actor, caseId: string, userId: string, caseRole: CaseRole): Promise<CaseMemberResponse> {
    return this.audit.transaction(async (manager, audit) => {
      await this.policy.requireCaseAccess(actor, caseId, Permission.CaseManage, manager);
      const member = await this.lockMember(manager, caseId, userId);
      if (member.caseRole === caseRole) return this.find(manager, caseId, userId);
      if (member.caseRole === CaseRole.Lead) await this.assertAnotherLead(manager, caseId, userId);
      await manager.getRepository(CaseMember).update({ caseId, userId }, { caseRole, updatedAt: new Date() });
      audit({
        action: AuditAction.CaseMemberUpdate,
        subjectType: 'user',
        subjectId: userId,
        caseId,
        details: { from: member.caseRole, to: caseRole },
      });
      return this.find(manager, caseId, userId);
    });
  }

  /** Ends a membership (recorded, not deleted): the user stops seeing the case at once. */
  async remove(actor: Actor, caseId: string, userId: string): Promise<void> {
    await this.audit.transaction(async (manager, audit) => {
      await this.policy.requireCaseAccess(actor, caseId, Permission.CaseManage, manager);
      const member = await this.lockMember(manager, caseId, userId);
      if (member.caseRole === CaseRole.Lead) await this.assertAnotherLead(manager, caseId, userId);
      await manager
        .getRepository(CaseMember)
        .update({ caseId, userId }, { removedAt: new Date(), updatedAt: new Date() });
      audit({
        action: AuditAction.CaseMemberRemove,
        subjectType: 'user',
        subjectId: userId,
        caseId,
        details: { caseRole: member.caseRole },
      });
    });
  }

  private async find(manager: EntityManager, caseId: string, userId: string): Promise<CaseMemberResponse> {
    const [row] = (await manager.query(
      `SELECT ${MEMBER_COLUMNS} FROM case_members m JOIN users u ON u.id = m.user_id
        WHERE m.case_id = $1 AND m.user_id = $2 AND m.removed_at IS NULL`,
      [caseId, userId],
    )) as Array<Record<string, unknown>>;
    if (!row) throw DomainError.notFound('case member');
    return toView(row);
  }

  private async lockMember(manager: EntityManager, caseId: string, userId: string): Promise<CaseMember> {
    // The case row first: two leads demoting each other at once must not leave the case without one.
    await manager.query(`SELECT 1 FROM cases WHERE id = $1 FOR UPDATE`, [caseId]);
    const member = await manager.getRepository(CaseMember).findOne({
      where: { caseId, userId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!member || member.removedAt !== null) throw DomainError.notFound('case member');
    return member;
  }

  private async assertAnotherLead(manager: EntityManager, caseId: string, exceptUserId: string): Promise<void> {
    const [{ leads }] = (await manager.query(
      `SELECT count(*)::int AS leads FROM case_members
        WHERE case_id = $1 AND user_id <> $2 AND case_role = 'lead' AND removed_at IS NULL`,
      [caseId, exceptUserId],
    )) as Array<{ leads: number }>;
    if (leads === 0) throw new DomainError(ErrorCode.Conflict, 'a case must keep at least one lead');
  }
}

function toView(row: Record<string, unknown>): CaseMemberResponse {
  return {
    userId: row.userId as string,
    displayName: row.displayName as string,
    email: row.email as string,
    role: row.role as string,
    caseRole: row.caseRole as CaseRole,
    addedBy: row.addedBy as string,
    addedAt: (row.addedAt as Date).toISOString(),
    updatedAt: (row.updatedAt as Date).toISOString(),
  };
}
