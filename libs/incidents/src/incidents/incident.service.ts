import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
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
import { eventTermFields, requireTermFields, Witness } from '@sillok/testimonies';
import type { CreateIncidentDto, ListIncidentsQuery, UpdateIncidentDto } from './http/incident.dto.js';
import { requireInCase } from '../same-case.js';
import { Incident, INCIDENT_REFERENCE } from './incident.entity.js';
import { loadIncidentView, toIncidentSummaries } from './incident.view.js';
import type { IncidentResponse, IncidentSummaryResponse } from '../incidents.responses.js';

type IncidentFields = Omit<UpdateIncidentDto, 'version'>;

const ALWAYS_SET = [
  'title',
  'description',
  'violationTermIds',
  'actTermIds',
  'agencyTermIds',
  'perpetratorNames',
  'victimWitnessIds',
  'victims',
  'status',
] as const;

/** Incidents of a case: each read and write checks membership of the incident's case first. */
@Injectable()
export class IncidentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly policy: CaseAccessPolicy,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async create(actor: Actor, dto: CreateIncidentDto): Promise<IncidentResponse> {
    return this.audit.transaction(async (manager, audit) => {
      await this.policy.requireCaseAccess(actor, dto.caseId, Permission.IncidentWrite, manager);
      await this.checkFields(manager, dto.caseId, dto, null);
      const reference = await nextReference(manager, INCIDENT_REFERENCE);
      const repository = manager.getRepository(Incident);
      const incident = await repository.save(
        repository.create({
          ...dto,
          reference,
          createdBy: actor.userId,
        }),
      );
      audit({
        action: AuditAction.IncidentCreate,
        subjectType: 'incident',
        subjectId: incident.id,
        caseId: incident.caseId,
        // field names only: victims and perpetrators may identify people
        details: { reference: incident.reference, fields: Object.keys(dto).sort() },
      });
      return loadIncidentView(manager, incident.id);
    });
  }

  async get(actor: Actor, id: string): Promise<IncidentResponse> {
    await this.find(this.dataSource.manager, { actor, id, permission: Permission.IncidentRead });
    return loadIncidentView(this.dataSource.manager, id);
  }

  async list(actor: Actor, query: ListIncidentsQuery): Promise<Page<IncidentSummaryResponse>> {
    const caseIds = await this.policy.scopeCaseIds(actor, Permission.IncidentRead, query.caseId);
    const builder = this.dataSource
      .getRepository(Incident)
      .createQueryBuilder('i')
      .where('i.case_id = ANY(:caseIds)', { caseIds });
    if (!query.includeWithdrawn) builder.andWhere('i.withdrawn_at IS NULL');
    if (query.status) builder.andWhere('i.status = :status', { status: query.status });
    if (query.term) {
      const ids = await this.taxonomy.descendantIds([query.term]);
      builder.andWhere(
        `(i.violation_term_ids && :termIds::uuid[] OR i.act_term_ids && :termIds::uuid[]
          OR i.agency_term_ids && :termIds::uuid[] OR i.facility_term_id = ANY(:termIds::uuid[]))`,
        { termIds: ids },
      );
    }
    if (query.facility) {
      const matched = await this.taxonomy.matchingTermIds(query.facility, { scheme: 'facility' });
      const ids = await this.taxonomy.descendantIds(matched);
      builder.andWhere('i.facility_term_id = ANY(:facilityIds::uuid[])', { facilityIds: ids });
    }
    if (query.agency) {
      const ids = await this.taxonomy.descendantIds([query.agency]);
      builder.andWhere('i.agency_term_ids && :agencyIds::uuid[]', { agencyIds: ids });
    }
    if (query.perpetrator) {
      builder.andWhere(
        `EXISTS (SELECT 1 FROM unnest(i.perpetrator_names) n WHERE strpos(lower(n), lower(:perpetrator)) > 0)`,
        { perpetrator: query.perpetrator },
      );
    }
    // Overlap of [date_from, date_to] with the asked range; an open end takes the other end's date.
    if (query.dateFrom) builder.andWhere('COALESCE(i.date_to, i.date_from) >= :dateFrom', { dateFrom: query.dateFrom });
    if (query.dateTo) builder.andWhere('COALESCE(i.date_from, i.date_to) <= :dateTo', { dateTo: query.dateTo });
    builder.orderBy('i.created_at', 'ASC').addOrderBy('i.id', 'ASC').offset(query.offset).limit(query.limit);
    const [incidents, total] = await builder.getManyAndCount();
    return pageOf(await toIncidentSummaries(this.dataSource.manager, incidents), total, query);
  }

  async update(actor: Actor, id: string, dto: UpdateIncidentDto): Promise<IncidentResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const incident = await this.findWritable(manager, actor, id);
      assertVersion(incident, dto.version, 'incident');
      const { version: _version, ...fields } = dto;
      await this.checkFields(manager, incident.caseId, fields, incident);
      await manager
        .getRepository(Incident)
        .update({ id }, { ...fields, version: incident.version + 1, updatedAt: new Date() } as Record<string, unknown>);
      audit({
        action: AuditAction.IncidentUpdate,
        subjectType: 'incident',
        subjectId: id,
        caseId: incident.caseId,
        details: { fields: Object.keys(fields).sort() },
      });
      return loadIncidentView(manager, id);
    });
  }

  async withdraw(actor: Actor, id: string, reason: string): Promise<IncidentResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const incident = await this.find(manager, { actor, id, permission: Permission.IncidentWrite, lock: true });
      if (await withdrawRecord(manager, Incident, incident, { by: actor.userId, reason }))
        audit({
          action: AuditAction.IncidentWithdraw,
          subjectType: 'incident',
          subjectId: id,
          caseId: incident.caseId,
          reason,
        });
      return loadIncidentView(manager, id);
    });
  }

  /** The incident if the actor may act on it with `permission` (404 for missing and forbidden alike). */
  find(manager: EntityManager, { actor, id, permission, lock }: RecordLookup): Promise<Incident> {
    return findInCase(manager, {
      policy: this.policy,
      actor,
      permission,
      entity: Incident,
      id,
      what: 'incident',
      lock,
    });
  }

  /** For writes: locked, and refused once withdrawn. */
  async findWritable(manager: EntityManager, actor: Actor, id: string): Promise<Incident> {
    const incident = await this.find(manager, { actor, id, permission: Permission.IncidentWrite, lock: true });
    if (incident.withdrawnAt)
      throw new DomainError(ErrorCode.Conflict, 'the incident has been withdrawn and no longer changes');
    return incident;
  }

  private async checkFields(
    manager: EntityManager,
    caseId: string,
    dto: IncidentFields,
    current: Incident | null,
  ): Promise<void> {
    requireNonNull(dto, ALWAYS_SET);
    requireDateOrder(
      dto.dateFrom !== undefined ? dto.dateFrom : current?.dateFrom,
      dto.dateTo !== undefined ? dto.dateTo : current?.dateTo,
    );
    await requireTermFields(this.taxonomy, manager, eventTermFields(dto, current));
    await requireInCase(manager, {
      entity: Witness,
      ids: dto.victimWitnessIds,
      caseId,
      field: 'victimWitnessIds',
    });
  }
}
