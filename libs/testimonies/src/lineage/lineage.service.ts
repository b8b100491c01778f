import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { CaseAccessPolicy } from '@sillok/cases';
import { DomainError, ErrorCode, Permission, type Actor } from '@sillok/core';
import type { CreateLinkDto, UpdateLinkDto } from '../testimonies/http/link.dto.js';
import { Testimony } from '../testimonies/testimony.entity.js';
import { TestimonyLink } from './testimony-link.entity.js';
import { findTestimony } from '../testimonies/writable-testimony.js';
import type { LinkResponse } from '../testimonies.responses.js';

/** Statement lineage: testimonies of one witness linked so a reviewer can compare them. */
@Injectable()
export class LineageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly policy: CaseAccessPolicy,
  ) {}

  async link(actor: Actor, testimonyId: string, dto: CreateLinkDto): Promise<LinkResponse> {
    const linkId = await this.audit.transaction(async (manager, audit) => {
      const testimony = await findTestimony(manager, {
        policy: this.policy,
        actor,
        id: testimonyId,
        permission: Permission.TestimonyWrite,
      });
      const other = await manager.getRepository(Testimony).findOneBy({ id: dto.otherTestimonyId });
      if (
        !other ||
        other.caseId !== testimony.caseId ||
        other.witnessId !== testimony.witnessId ||
        other.id === testimony.id
      ) {
        throw DomainError.validation([
          { field: 'otherTestimonyId', reason: 'must be another testimony of the same witness' },
        ]);
      }
      const existing = await manager
        .getRepository(TestimonyLink)
        .createQueryBuilder('l')
        .where('LEAST(l.from_testimony_id, l.to_testimony_id) = LEAST(:a::uuid, :b::uuid)', {
          a: testimonyId,
          b: other.id,
        })
        .andWhere('GREATEST(l.from_testimony_id, l.to_testimony_id) = GREATEST(:a::uuid, :b::uuid)')
        .getOne();
      if (existing)
        throw new DomainError(ErrorCode.Conflict, 'these testimonies are already linked', { linkId: existing.id });
      const link = await manager.getRepository(TestimonyLink).save({
        caseId: testimony.caseId,
        fromTestimonyId: testimonyId,
        toTestimonyId: other.id,
        assessment: dto.assessment ?? 'not_assessed',
        notes: dto.notes ?? '',
        createdBy: actor.userId,
      });
      audit({
        action: AuditAction.TestimonyLinkCreate,
        subjectType: 'testimony',
        subjectId: testimonyId,
        caseId: testimony.caseId,
        details: { linkId: link.id, otherTestimonyId: other.id, assessment: link.assessment },
      });
      return link.id;
    });
    return (await this.list(actor, testimonyId)).find((l) => l.id === linkId)!;
  }

  async update(actor: Actor, testimonyId: string, linkId: string, dto: UpdateLinkDto): Promise<LinkResponse> {
    await this.audit.transaction(async (manager, audit) => {
      const testimony = await findTestimony(manager, {
        policy: this.policy,
        actor,
        id: testimonyId,
        permission: Permission.TestimonyWrite,
      });
      const link = await manager.getRepository(TestimonyLink).findOneBy({ id: linkId, caseId: testimony.caseId });
      if (!link || (link.fromTestimonyId !== testimonyId && link.toTestimonyId !== testimonyId))
        throw DomainError.notFound('link');
      await manager.getRepository(TestimonyLink).update({ id: linkId }, { ...dto, updatedAt: new Date() });
      audit({
        action: AuditAction.TestimonyLinkUpdate,
        subjectType: 'testimony',
        subjectId: testimonyId,
        caseId: testimony.caseId,
        details: { linkId, fields: Object.keys(dto) },
      });
    });
    return (await this.list(actor, testimonyId)).find((l) => l.id === linkId)!;
  }

  async list(actor: Actor, testimonyId: string): Promise<LinkResponse[]> {
    await findTestimony(this.dataSource.manager, {
      policy: this.policy,
      actor,
      id: testimonyId,
      permission: Permission.TestimonyRead,
    });
    const rows: Array<TestimonyLink & { other_reference: string }> = await this.dataSource.query(
      `SELECT l.*, o.reference AS other_reference
         FROM testimony_links l
         JOIN testimonies o ON o.id = CASE WHEN l.from_testimony_id = $1 THEN l.to_testimony_id ELSE l.from_testimony_id END
        WHERE $1 IN (l.from_testimony_id, l.to_testimony_id)
        ORDER BY l.created_at`,
      [testimonyId],
    );
    return rows.map((row) => {
      const r = row as unknown as Record<string, string & Date>;
      return {
        id: r.id,
        testimonyId,
        otherTestimonyId: r.from_testimony_id === testimonyId ? r.to_testimony_id : r.from_testimony_id,
        otherReference: r.other_reference,
        assessment: r.assessment,
        notes: r.notes,
        createdBy: r.created_by,
        createdAt: new Date(r.created_at).toISOString(),
        updatedAt: new Date(r.updated_at).toISOString(),
      };
    });
  }
}
