import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { DomainError, ErrorCode, type Actor } from '@sillok/core';
import { TaxonomyService } from '@sillok/taxonomy';
import { requireTermFields, Testimony, TestimonyAnnotation } from '@sillok/testimonies';
import type { AddSourceDto, UpdateSourceDto } from '../incidents/http/source.dto.js';
import { IncidentService } from '../incidents/incident.service.js';
import { loadIncidentView } from '../incidents/incident.view.js';
import { IncidentSource } from './incident-source.entity.js';
import type { IncidentResponse } from '../incidents.responses.js';

/** Testimonies (and their tags) that speak of an incident; all from the incident's own case. */
@Injectable()
export class IncidentSourceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly incidents: IncidentService,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async add(actor: Actor, incidentId: string, dto: AddSourceDto): Promise<IncidentResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const incident = await this.incidents.findWritable(manager, actor, incidentId);
      // Another case's testimony answers as an unknown one would: its existence is not revealed.
      const testimony = await manager
        .getRepository(Testimony)
        .findOneBy({ id: dto.testimonyId, caseId: incident.caseId });
      if (!testimony)
        throw DomainError.validation([{ field: 'testimonyId', reason: 'must be a testimony of the incident’s case' }]);
      if (dto.annotationId) {
        const tag = await manager
          .getRepository(TestimonyAnnotation)
          .findOneBy({ id: dto.annotationId, testimonyId: testimony.id, kind: 'tag' });
        if (!tag) throw DomainError.validation([{ field: 'annotationId', reason: 'must be a tag of that testimony' }]);
      }
      await requireTermFields(this.taxonomy, manager, [
        { field: 'sourceConnectionTermId', scheme: 'source-connection', ids: dto.sourceConnectionTermId },
        { field: 'reliabilityTermId', scheme: 'reliability', ids: dto.reliabilityTermId },
      ]);
      const duplicate = await manager.getRepository(IncidentSource).findOneBy({
        incidentId,
        testimonyId: testimony.id,
        annotationId: dto.annotationId ?? IsNull(),
        removedAt: IsNull(),
      });
      if (duplicate)
        throw new DomainError(ErrorCode.Conflict, 'this source is already linked', { sourceId: duplicate.id });
      const source = await manager.getRepository(IncidentSource).save({
        ...dto,
        caseId: incident.caseId,
        incidentId,
        createdBy: actor.userId,
      });
      audit({
        action: AuditAction.IncidentSourceAdd,
        subjectType: 'incident',
        subjectId: incidentId,
        caseId: incident.caseId,
        details: { sourceId: source.id, testimonyId: testimony.id, annotationId: dto.annotationId ?? null },
      });
      return loadIncidentView(manager, incidentId);
    });
  }

  async remove(actor: Actor, incidentId: string, sourceId: string, reason: string): Promise<IncidentResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const incident = await this.incidents.findWritable(manager, actor, incidentId);
      const source = await manager.getRepository(IncidentSource).findOneBy({ id: sourceId, incidentId });
      if (!source) throw DomainError.notFound('source');
      if (source.removedAt) return loadIncidentView(manager, incidentId);
      await manager
        .getRepository(IncidentSource)
        .update({ id: sourceId }, { removedAt: new Date(), removedBy: actor.userId });
      audit({
        action: AuditAction.IncidentSourceRemove,
        subjectType: 'incident',
        subjectId: incidentId,
        caseId: incident.caseId,
        reason,
        details: { sourceId, testimonyId: source.testimonyId },
      });
      return loadIncidentView(manager, incidentId);
    });
  }

  /** Changes a source's connection, reliability or note; the audit row keeps the values before and after. */
  async update(actor: Actor, incidentId: string, sourceId: string, dto: UpdateSourceDto): Promise<IncidentResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const incident = await this.incidents.findWritable(manager, actor, incidentId);
      const source = await manager.getRepository(IncidentSource).findOneBy({ id: sourceId, incidentId });
      if (!source || source.removedAt) throw DomainError.notFound('source');
      await requireTermFields(this.taxonomy, manager, [
        { field: 'sourceConnectionTermId', scheme: 'source-connection', ids: dto.sourceConnectionTermId },
        { field: 'reliabilityTermId', scheme: 'reliability', ids: dto.reliabilityTermId },
      ]);
      const fields = (['sourceConnectionTermId', 'reliabilityTermId', 'note'] as const).filter(
        (field) => dto[field] !== undefined && dto[field] !== source[field],
      );
      if (fields.length === 0) return loadIncidentView(manager, incidentId);
      const before = Object.fromEntries(fields.map((field) => [field, source[field]]));
      const after = Object.fromEntries(fields.map((field) => [field, dto[field]]));
      await manager.getRepository(IncidentSource).update({ id: sourceId }, after);
      audit({
        action: AuditAction.IncidentSourceUpdate,
        subjectType: 'incident',
        subjectId: incidentId,
        caseId: incident.caseId,
        // Term ids and the assessor's note: nothing here identifies a witness.
        details: { sourceId, changed: fields, before, after },
      });
      return loadIncidentView(manager, incidentId);
    });
  }

  /** The incident with its sources; checks read access (for GET /incidents/:id/sources). */
  async list(actor: Actor, incidentId: string): Promise<IncidentResponse['sources']> {
    return (await this.incidents.get(actor, incidentId)).sources;
  }
}
