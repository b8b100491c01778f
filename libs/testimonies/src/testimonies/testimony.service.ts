import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { CaseAccessPolicy } from '@sillok/cases';
import { assertVersion, DomainError, pageOf, Permission, type Actor, type Page } from '@sillok/core';
import { withdrawRecord } from '@sillok/database';
import { AnnotationAnchoring } from '../annotations/annotation-anchoring.js';
import { AnnotationService } from '../annotations/annotation.service.js';
import { ConsentService } from '../consent/consent.service.js';
import type { ListTestimoniesQuery } from './http/list-testimonies.query.js';
import type { ChangeTestimonyStatusDto, CreateTestimonyDto, UpdateTestimonyDto } from './http/testimony.dto.js';
import { RevisionService } from '../revisions/revision.service.js';
import { Witness } from '../witnesses/witness.entity.js';
import { WitnessService } from '../witnesses/witness.service.js';
import { contentFrom, firstRevision } from './new-testimony.js';
import { insertNewTestimony } from './insert-new-testimony.js';
import { changedContentFields } from './testimony-content.js';
import { contentOf, insertTranslations, replaceTranslations, translationsOf } from './testimony-state.js';
import { nextStatus } from './testimony-status.js';
import { requireKnownUsers } from './known-users.js';
import { Testimony } from './testimony.entity.js';
import { findTestimony, findWritableTestimony } from './writable-testimony.js';
import { toTestimonySummary, toTestimonyView } from './testimony.view.js';
import type { TestimonyResponse, TestimonySummaryResponse } from '../testimonies.responses.js';

const METADATA_FIELDS = [
  'forum',
  'interviewDate',
  'interviewCity',
  'interviewCountry',
  'interviewerIds',
  'originalLanguage',
  'interpreterUsed',
  'interpreterLanguages',
] as const;

const SORT_COLUMNS = {
  createdAt: 't.created_at',
  interviewDate: 't.interview_date',
  reference: 't.reference',
} as const;

@Injectable()
export class TestimonyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly policy: CaseAccessPolicy,
    private readonly witnesses: WitnessService,
    private readonly revisions: RevisionService,
    private readonly consent: ConsentService,
    private readonly anchoring: AnnotationAnchoring,
    private readonly annotations: AnnotationService,
  ) {}

  async create(actor: Actor, dto: CreateTestimonyDto): Promise<TestimonyResponse> {
    // The answer is read inside the transaction: an error after COMMIT would tell the client
    // a committed create failed, and its retry would make a duplicate.
    return this.audit.transaction(async (manager, audit) => {
      const witness = await this.witnesses.find(manager, {
        actor,
        id: dto.witnessId,
        permission: Permission.TestimonyWrite,
      });
      if (witness.withdrawnAt)
        throw DomainError.validation([{ field: 'witnessId', reason: 'the witness has been withdrawn' }]);
      await requireKnownUsers(manager, dto.interviewerIds, 'interviewerIds');
      const { translations = [], tags = [], witnessId, ...fields } = dto;
      const first = firstRevision(contentFrom(fields, translations));
      const testimony = await insertNewTestimony(
        manager,
        { ...fields, witnessId, caseId: witness.caseId, createdBy: actor.userId },
        first,
      );
      await insertTranslations(manager, testimony.id, first.content.translations);
      audit({
        action: AuditAction.TestimonyCreate,
        subjectType: 'testimony',
        subjectId: testimony.id,
        caseId: witness.caseId,
        details: { reference: testimony.reference, witnessId, revision: 1, contentSha256: first.contentSha256 },
      });
      await this.annotations.addAll(manager, { audit, actor, testimony, dtos: tags, listField: 'tags' });
      // Answered from what was written, not read back (test/testimonies/create-answer shows they are the same).
      const consent = (await this.consent.effectiveFor([testimony], manager)).get(testimony.id)!;
      return toTestimonyView(testimony, witness.pseudonym, first.content.translations, consent);
    });
  }

  async get(actor: Actor, id: string): Promise<TestimonyResponse> {
    await findTestimony(this.dataSource.manager, {
      policy: this.policy,
      actor,
      id,
      permission: Permission.TestimonyRead,
    });
    return this.view(this.dataSource.manager, id);
  }

  async list(actor: Actor, query: ListTestimoniesQuery): Promise<Page<TestimonySummaryResponse>> {
    const caseIds = await this.policy.scopeCaseIds(actor, Permission.TestimonyRead, query.caseId);
    const builder = this.dataSource
      .getRepository(Testimony)
      .createQueryBuilder('t')
      .innerJoin(Witness, 'w', 'w.id = t.witness_id')
      .addSelect('w.pseudonym', 'witness_pseudonym')
      .where('t.case_id = ANY(:caseIds)', { caseIds });
    if (!query.includeWithdrawn) builder.andWhere('t.withdrawn_at IS NULL AND w.withdrawn_at IS NULL');
    if (query.witnessId) builder.andWhere('t.witness_id = :witnessId', { witnessId: query.witnessId });
    if (query.status) builder.andWhere('t.status = :status', { status: query.status });
    if (query.forum) builder.andWhere('t.forum = :forum', { forum: query.forum });
    if (query.language) builder.andWhere('t.original_language = :language', { language: query.language });
    if (query.interviewedFrom) builder.andWhere('t.interview_date >= :from', { from: query.interviewedFrom });
    if (query.interviewedTo) builder.andWhere('t.interview_date <= :to', { to: query.interviewedTo });
    const descending = query.sort.startsWith('-');
    const column = SORT_COLUMNS[query.sort.replace('-', '') as keyof typeof SORT_COLUMNS];
    builder
      .orderBy(column, descending ? 'DESC' : 'ASC', descending ? 'NULLS LAST' : 'NULLS FIRST')
      .addOrderBy('t.id', 'ASC')
      .offset(query.offset)
      .limit(query.limit);
    const [{ entities, raw }, total] = await Promise.all([builder.getRawAndEntities(), builder.getCount()]);
    const items = entities.map((t) => toTestimonySummary(t, raw.find((r) => r.t_id === t.id)?.witness_pseudonym ?? ''));
    return pageOf(items, total, query);
  }

  async update(actor: Actor, id: string, dto: UpdateTestimonyDto): Promise<TestimonyResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const testimony = await this.findWritable(manager, actor, id, Permission.TestimonyWrite);
      assertVersion(testimony, dto.version, 'testimony');
      await requireKnownUsers(manager, dto.interviewerIds, 'interviewerIds');
      if (testimony.status === 'approved' && !dto.reason) {
        throw DomainError.validation([{ field: 'reason', reason: 'an approved testimony changes only with a reason' }]);
      }
      const before = contentOf(testimony, await translationsOf(manager, id));
      const after = contentFrom(
        {
          title: dto.title ?? before.title,
          summary: dto.summary ?? before.summary,
          narrative: dto.narrative ?? before.narrative,
        },
        dto.translations ?? before.translations,
      );
      const contentChanged = changedContentFields(before, after);
      const metadataChanged = METADATA_FIELDS.filter(
        (f) => dto[f] !== undefined && JSON.stringify(dto[f]) !== JSON.stringify(testimony[f]),
      );
      if (!contentChanged.length && !metadataChanged.length) return this.view(manager, id);

      const changes: Partial<Testimony> = { version: testimony.version + 1, updatedAt: new Date() };
      for (const field of metadataChanged) Object.assign(changes, { [field]: dto[field] });
      let sha: string | undefined;
      if (contentChanged.length) {
        Object.assign(changes, {
          title: after.title,
          summary: after.summary,
          narrative: after.narrative,
          revision: testimony.revision + 1,
        });
        if (testimony.status === 'approved')
          Object.assign(changes, { status: 'under_review', approvedBy: null, approvedAt: null });
        await replaceTranslations(manager, id, after.translations);
        sha = await this.revisions.append(manager, {
          testimonyId: id,
          revision: testimony.revision + 1,
          content: after,
          changedFields: contentChanged,
          reason: dto.reason ?? null,
          createdBy: actor.userId,
        });
        // Tags follow their quotes into the new revision (or are flagged for review).
        const anchoring = await this.anchoring.reanchor(manager, {
          testimonyId: id,
          before,
          after,
          revision: testimony.revision + 1,
        });
        if (anchoring.moved || anchoring.needsReview)
          audit({
            action: AuditAction.TestimonyTagsReanchored,
            subjectType: 'testimony',
            subjectId: id,
            caseId: testimony.caseId,
            details: { revision: testimony.revision + 1, ...anchoring },
          });
      }
      await manager.getRepository(Testimony).update({ id }, changes);
      audit({
        action: AuditAction.TestimonyUpdate,
        subjectType: 'testimony',
        subjectId: id,
        caseId: testimony.caseId,
        reason: dto.reason,
        details: {
          fields: [...contentChanged, ...metadataChanged],
          revision: changes.revision ?? testimony.revision,
          contentSha256: sha,
        },
      });
      return this.view(manager, id);
    });
  }

  async changeStatus(actor: Actor, id: string, dto: ChangeTestimonyStatusDto): Promise<TestimonyResponse> {
    const permission = dto.action === 'submit' ? Permission.TestimonyWrite : Permission.TestimonyApprove;
    return this.audit.transaction(async (manager, audit) => {
      const testimony = await this.findWritable(manager, actor, id, permission);
      assertVersion(testimony, dto.version, 'testimony');
      const status = nextStatus(testimony.status, dto.action);
      const approval = status === 'approved' ? { approvedBy: actor.userId, approvedAt: new Date() } : {};
      await manager
        .getRepository(Testimony)
        .update({ id }, { status, ...approval, version: testimony.version + 1, updatedAt: new Date() });
      audit({
        action: AuditAction.TestimonyStatusChange,
        subjectType: 'testimony',
        subjectId: id,
        caseId: testimony.caseId,
        reason: dto.reason,
        details: { from: testimony.status, to: status, revision: testimony.revision },
      });
      return this.view(manager, id);
    });
  }

  async withdraw(actor: Actor, id: string, reason: string): Promise<TestimonyResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const testimony = await findTestimony(manager, {
        policy: this.policy,
        actor,
        id,
        permission: Permission.TestimonyWrite,
        lock: true,
      });
      if (await withdrawRecord(manager, Testimony, testimony, { by: actor.userId, reason }))
        audit({
          action: AuditAction.TestimonyWithdraw,
          subjectType: 'testimony',
          subjectId: id,
          caseId: testimony.caseId,
          reason,
        });
      return this.view(manager, id);
    });
  }

  private findWritable(manager: EntityManager, actor: Actor, id: string, permission: Permission) {
    return findWritableTestimony(manager, { policy: this.policy, actor, id, permission });
  }

  private async view(manager: EntityManager, id: string): Promise<TestimonyResponse> {
    const testimony = await manager.getRepository(Testimony).findOneByOrFail({ id });
    const witness = await manager.getRepository(Witness).findOneByOrFail({ id: testimony.witnessId });
    const consent = (await this.consent.effectiveFor([testimony], manager)).get(id)!;
    return toTestimonyView(testimony, witness.pseudonym, await translationsOf(manager, id), consent);
  }
}
