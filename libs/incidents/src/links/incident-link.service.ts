import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { DomainError, ErrorCode, type Actor } from '@sillok/core';
import type { AddLinkDto } from '../incidents/http/source.dto.js';
import { Incident } from '../incidents/incident.entity.js';
import { IncidentService } from '../incidents/incident.service.js';
import { loadIncidentView } from '../incidents/incident.view.js';
import { IncidentLink } from './incident-link.entity.js';
import type { IncidentResponse } from '../incidents.responses.js';

/** part_of / follows / same_event between two incidents of one case. */
@Injectable()
export class IncidentLinkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly incidents: IncidentService,
  ) {}

  async add(actor: Actor, incidentId: string, dto: AddLinkDto): Promise<IncidentResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const incident = await this.incidents.findWritable(manager, actor, incidentId);
      const other = await manager
        .getRepository(Incident)
        .findOneBy({ id: dto.otherIncidentId, caseId: incident.caseId });
      if (!other || other.id === incident.id)
        throw DomainError.validation([
          { field: 'otherIncidentId', reason: 'must be another incident of the same case' },
        ]);
      const existing = await manager.getRepository(IncidentLink).findOneBy({
        fromIncidentId: incidentId,
        toIncidentId: other.id,
        relation: dto.relation,
        removedAt: IsNull(),
      });
      if (existing)
        throw new DomainError(ErrorCode.Conflict, 'these incidents are already linked so', { linkId: existing.id });
      const link = await manager.getRepository(IncidentLink).save({
        caseId: incident.caseId,
        fromIncidentId: incidentId,
        toIncidentId: other.id,
        relation: dto.relation,
        note: dto.note ?? '',
        createdBy: actor.userId,
      });
      audit({
        action: AuditAction.IncidentLinkAdd,
        subjectType: 'incident',
        subjectId: incidentId,
        caseId: incident.caseId,
        details: { linkId: link.id, otherIncidentId: other.id, relation: dto.relation },
      });
      return loadIncidentView(manager, incidentId);
    });
  }

  async remove(actor: Actor, incidentId: string, linkId: string, reason: string): Promise<IncidentResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const incident = await this.incidents.findWritable(manager, actor, incidentId);
      const link = await manager.getRepository(IncidentLink).findOneBy({ id: linkId, caseId: incident.caseId });
      if (!link || (link.fromIncidentId !== incidentId && link.toIncidentId !== incidentId))
        throw DomainError.notFound('link');
      if (link.removedAt) return loadIncidentView(manager, incidentId);
      await manager
        .getRepository(IncidentLink)
        .update({ id: linkId }, { removedAt: new Date(), removedBy: actor.userId });
      audit({
        action: AuditAction.IncidentLinkRemove,
        subjectType: 'incident',
        subjectId: incidentId,
        caseId: incident.caseId,
        reason,
        details: { linkId },
      });
      return loadIncidentView(manager, incidentId);
    });
  }
}
