import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditAction, AuditService, type AuditRecorder } from '@sillok/audit';
import { CaseAccessPolicy } from '@sillok/cases';
import { insertValues, withdrawRecord } from '@sillok/database';
import {
  DomainError,
  ErrorCode,
  Permission,
  assertVersion,
  requireDateOrder,
  requireNonNull,
  withFieldPrefix,
  type Actor,
} from '@sillok/core';
import { TaxonomyService } from '@sillok/taxonomy';
import type { CreateAnnotationDto, ListAnnotationsQuery, UpdateAnnotationDto } from './http/annotation.dto.js';
import { translationsOf } from '../testimonies/testimony-state.js';
import type { TestimonyTranslation } from '../testimonies/testimony-translation.entity.js';
import { Testimony } from '../testimonies/testimony.entity.js';
import { findTestimony, findWritableTestimony } from '../testimonies/writable-testimony.js';
import { textOf } from './annotation-anchoring.js';
import { TestimonyAnnotation } from './annotation.entity.js';
import { toAnnotationView } from './annotation.view.js';
import { eventTermFields, requireTermFields, type TermField } from './event-terms.js';
import type { AnnotationResponse } from './annotation.responses.js';

const ALWAYS_SET = ['violationTermIds', 'actTermIds', 'agencyTermIds', 'note', 'sensitiveCategory'] as const;

type AnnotationFields = Omit<UpdateAnnotationDto, 'version'>;

/** Tags and sensitive spans to add to a testimony the caller has locked for writing. */
export interface NewAnnotations {
  audit: AuditRecorder;
  actor: Actor;
  testimony: Testimony;
  dtos: CreateAnnotationDto[];
  /** The request's list field, to name a bad entry (`tags.1.quote`). */
  listField?: string;
}

/**
 * Passage tags and sensitive spans. Every write locks the testimony row first, so a range is
 * checked against the same text that a concurrent revision would re-anchor it in.
 */
@Injectable()
export class AnnotationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly policy: CaseAccessPolicy,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async create(actor: Actor, testimonyId: string, dto: CreateAnnotationDto): Promise<AnnotationResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const testimony = await findWritableTestimony(manager, {
        policy: this.policy,
        actor,
        id: testimonyId,
        permission: Permission.TestimonyWrite,
      });
      const [added] = await this.addAll(manager, { audit, actor, testimony, dtos: [dto] });
      return this.view(manager, added);
    });
  }

  /**
   * Adds tags and sensitive spans to `testimony` inside the caller's transaction, which has found
   * it writable and holds its lock (create above; a testimony created with its tags): each checked
   * on its own, then all their terms in one query and all rows in one insert. With `listField`,
   * a bad one is named in the list (`tags.1.quote`). Returns the ids, in order.
   */
  async addAll(
    manager: EntityManager,
    { audit, actor, testimony, dtos, listField }: NewAnnotations,
  ): Promise<string[]> {
    if (!dtos.length) return [];
    const named = <T>(i: number, work: () => Promise<T>) =>
      listField === undefined ? work() : withFieldPrefix(`${listField}.${i}`, work);
    // Most tags are on the narrative: the translations are read only for a tag on one of them.
    const translations = dtos.some((d) => d.language) ? await translationsOf(manager, testimony.id) : [];
    const rows = [];
    for (const [i, dto] of dtos.entries()) {
      rows.push(await named(i, async () => this.newRow(actor, testimony, translations, dto)));
    }
    await requireTermFields(
      this.taxonomy,
      manager,
      dtos.flatMap((dto, i) => termFieldsOf(dto, null, listField === undefined ? '' : `${listField}.${i}.`)),
    );
    // One statement for all rows, built without TypeORM's insert (its query building was the
    // largest share of a tagged create's CPU); the ids come back in the rows' order.
    const { columns, tuples, parameters } = insertValues(manager, TestimonyAnnotation, rows);
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO testimony_annotations (${columns.join(', ')}) VALUES ${tuples.join(', ')} RETURNING id`,
      parameters,
    );
    const ids = inserted.map((row) => row.id);
    for (const [i, dto] of dtos.entries()) {
      audit({
        action: AuditAction.TestimonyTagCreate,
        subjectType: 'testimony',
        subjectId: testimony.id,
        caseId: testimony.caseId,
        // field names only: a quote or a victim's name identifies people
        details: { tagId: ids[i], kind: rows[i].kind, language: rows[i].language, fields: Object.keys(dto).sort() },
      });
    }
    return ids;
  }

  /** A new tag's row, checked against the text it is on and its own fields (terms are checked by the caller). */
  private newRow(actor: Actor, testimony: Testimony, translations: TestimonyTranslation[], dto: CreateAnnotationDto) {
    const kind = dto.kind ?? 'tag';
    if (kind === 'sensitive' && !dto.sensitiveCategory)
      throw DomainError.validation([{ field: 'sensitiveCategory', reason: 'a sensitive span needs a category' }]);
    if (kind === 'tag' && dto.sensitiveCategory)
      throw DomainError.validation([{ field: 'sensitiveCategory', reason: 'only for kind sensitive' }]);
    const language = dto.language ?? null;
    const range = this.checkRange(textIn(testimony, translations, language), dto);
    if (kind === 'sensitive' && !range)
      throw DomainError.validation([{ field: 'start', reason: 'a sensitive span needs start, end and quote' }]);
    checkPlainFields(dto, null);
    const { start: _s, end: _e, quote: _q, kind: _k, ...fields } = dto;
    return {
      ...fields,
      caseId: testimony.caseId,
      testimonyId: testimony.id,
      kind,
      sensitiveCategory: dto.sensitiveCategory ?? null,
      language,
      rangeStart: range?.start ?? null,
      rangeEnd: range?.end ?? null,
      quote: range?.quote ?? null,
      anchoredRevision: testimony.revision,
      createdBy: actor.userId,
    };
  }

  async list(actor: Actor, testimonyId: string, query: ListAnnotationsQuery): Promise<AnnotationResponse[]> {
    const manager = this.dataSource.manager;
    await findTestimony(manager, { policy: this.policy, actor, id: testimonyId, permission: Permission.TestimonyRead });
    const builder = manager
      .getRepository(TestimonyAnnotation)
      .createQueryBuilder('a')
      .where('a.testimony_id = :testimonyId', { testimonyId });
    if (!query.includeWithdrawn) builder.andWhere('a.withdrawn_at IS NULL');
    if (query.kind) builder.andWhere('a.kind = :kind', { kind: query.kind });
    if (query.status) builder.andWhere('a.status = :status', { status: query.status });
    if (query.term) {
      const ids = await this.taxonomy.descendantIds([query.term]);
      builder.andWhere(
        `(a.violation_term_ids && :ids::uuid[] OR a.act_term_ids && :ids::uuid[] OR a.agency_term_ids && :ids::uuid[]
          OR a.facility_term_id = ANY(:ids::uuid[]) OR a.source_connection_term_id = ANY(:ids::uuid[])
          OR a.reliability_term_id = ANY(:ids::uuid[]))`,
        { ids },
      );
    }
    const rows = await builder.orderBy('a.range_start', 'ASC', 'NULLS FIRST').addOrderBy('a.created_at').getMany();
    return rows.map(toAnnotationView);
  }

  async update(
    actor: Actor,
    testimonyId: string,
    tagId: string,
    dto: UpdateAnnotationDto,
  ): Promise<AnnotationResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const testimony = await findWritableTestimony(manager, {
        policy: this.policy,
        actor,
        id: testimonyId,
        permission: Permission.TestimonyWrite,
      });
      const tag = await this.findTag(manager, testimonyId, tagId);
      if (tag.withdrawnAt) throw new DomainError(ErrorCode.Conflict, 'the tag has been withdrawn');
      assertVersion(tag, dto.version, 'tag');
      const { version: _v, start: _s, end: _e, quote: _q, ...fields } = dto;
      const changes: Record<string, unknown> = { ...fields, version: tag.version + 1, updatedAt: new Date() };
      if (dto.start !== undefined || dto.end !== undefined || dto.quote !== undefined) {
        const range = this.checkRange(await this.currentText(manager, testimony, tag.language), dto);
        if (!range && tag.kind === 'sensitive')
          throw DomainError.validation([{ field: 'start', reason: 'a sensitive span needs start, end and quote' }]);
        Object.assign(changes, {
          rangeStart: range?.start ?? null,
          rangeEnd: range?.end ?? null,
          quote: range?.quote ?? null,
          status: 'anchored',
          anchoredRevision: testimony.revision,
        });
      }
      if (dto.sensitiveCategory !== undefined && tag.kind === 'tag')
        throw DomainError.validation([{ field: 'sensitiveCategory', reason: 'only for kind sensitive' }]);
      await this.checkFields(manager, fields, tag);
      await manager.getRepository(TestimonyAnnotation).update({ id: tagId }, changes);
      audit({
        action: AuditAction.TestimonyTagUpdate,
        subjectType: 'testimony',
        subjectId: testimonyId,
        caseId: testimony.caseId,
        details: {
          tagId,
          fields: Object.keys(dto)
            .filter((f) => f !== 'version')
            .sort(),
        },
      });
      return this.view(manager, tagId);
    });
  }

  async withdraw(actor: Actor, testimonyId: string, tagId: string, reason: string): Promise<AnnotationResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const testimony = await findTestimony(manager, {
        policy: this.policy,
        actor,
        id: testimonyId,
        permission: Permission.TestimonyWrite,
        lock: true,
      });
      const tag = await this.findTag(manager, testimonyId, tagId);
      if (await withdrawRecord(manager, TestimonyAnnotation, tag, { by: actor.userId, reason }))
        audit({
          action: AuditAction.TestimonyTagWithdraw,
          subjectType: 'testimony',
          subjectId: testimonyId,
          caseId: testimony.caseId,
          reason,
          details: { tagId },
        });
      return this.view(manager, tagId);
    });
  }

  private async findTag(manager: EntityManager, testimonyId: string, tagId: string): Promise<TestimonyAnnotation> {
    const tag = await manager.getRepository(TestimonyAnnotation).findOneBy({ id: tagId, testimonyId });
    if (!tag) throw DomainError.notFound('tag');
    return tag;
  }

  private async currentText(manager: EntityManager, testimony: Testimony, language: string | null): Promise<string> {
    // Most tags are on the narrative: the translations are read only for a tag on one of them.
    return textIn(testimony, language === null ? [] : await translationsOf(manager, testimony.id), language);
  }

  /**
   * start, end and quote come together (or not at all) and must match the text as it stands;
   * or the quote comes alone, and the server finds it (see locateQuote).
   */
  private checkRange(
    text: string,
    dto: { start?: number; end?: number; quote?: string },
  ): { start: number; end: number; quote: string } | null {
    const given = [dto.start, dto.end, dto.quote].filter((v) => v !== undefined && v !== null).length;
    if (given === 0) return null;
    if (given === 1 && typeof dto.quote === 'string') return locateQuote(text, dto.quote);
    if (given < 3) {
      const missing = (['start', 'end', 'quote'] as const).find((f) => dto[f] === undefined || dto[f] === null)!;
      throw DomainError.validation([{ field: missing, reason: 'start, end and quote go together' }]);
    }
    const { start, end, quote } = dto as { start: number; end: number; quote: string };
    if (end <= start) throw DomainError.validation([{ field: 'end', reason: 'end must be after start' }]);
    if (end > text.length)
      throw DomainError.validation([{ field: 'end', reason: `end must be within the text (length ${text.length})` }]);
    if (text.slice(start, end) !== quote)
      throw DomainError.validation([{ field: 'quote', reason: 'quote must equal the text at [start, end)' }]);
    return { start, end, quote };
  }

  private async checkFields(
    manager: EntityManager,
    dto: AnnotationFields,
    current: TestimonyAnnotation | null,
  ): Promise<void> {
    checkPlainFields(dto, current);
    await requireTermFields(this.taxonomy, manager, termFieldsOf(dto, current));
  }

  private async view(manager: EntityManager, id: string): Promise<AnnotationResponse> {
    return toAnnotationView(await manager.getRepository(TestimonyAnnotation).findOneByOrFail({ id }));
  }
}

/** What a tag's fields must satisfy among themselves (no lookups). */
function checkPlainFields(dto: AnnotationFields, current: TestimonyAnnotation | null): void {
  requireNonNull(dto, ALWAYS_SET);
  const victimKind = dto.victimKind !== undefined ? dto.victimKind : (current?.victimKind ?? null);
  const victimName = dto.victimName !== undefined ? dto.victimName : (current?.victimName ?? null);
  if (victimName && victimKind !== 'named_person')
    throw DomainError.validation([{ field: 'victimName', reason: 'a name goes with victimKind named_person' }]);
  requireDateOrder(
    dto.dateFrom !== undefined ? dto.dateFrom : current?.dateFrom,
    dto.dateTo !== undefined ? dto.dateTo : current?.dateTo,
  );
}

/** A tag's term fields and their schemes, with what the tag holds now (`prefix` names them in a list). */
function termFieldsOf(dto: AnnotationFields, current: TestimonyAnnotation | null, prefix = ''): TermField[] {
  const fields: TermField[] = [
    ...eventTermFields(dto, current),
    {
      field: 'sourceConnectionTermId',
      scheme: 'source-connection',
      ids: dto.sourceConnectionTermId,
      current: current?.sourceConnectionTermId,
    },
    {
      field: 'reliabilityTermId',
      scheme: 'reliability',
      ids: dto.reliabilityTermId,
      current: current?.reliabilityTermId,
    },
  ];
  return fields.map((f) => ({ ...f, field: prefix + f.field }));
}

/** The text a tag in `language` (null: the narrative) is on; 400 naming `language` when there is none. */
function textIn(testimony: Testimony, translations: TestimonyTranslation[], language: string | null): string {
  const text = textOf({ narrative: testimony.narrative, translations }, language);
  if (text === null)
    throw DomainError.validation([{ field: 'language', reason: 'the testimony has no translation in this language' }]);
  return text;
}

/**
 * A quote sent without offsets: found where it occurs once; a 400 when it does not occur; a 409
 * listing every occurrence (UTF-16 offsets, no text) when it occurs more than once, so the
 * caller picks one and sends it again with start and end.
 */
export function locateQuote(text: string, quote: string): { start: number; end: number; quote: string } {
  if (!quote) throw DomainError.validation([{ field: 'quote', reason: 'quote must not be empty' }]);
  const candidates: Array<{ start: number; end: number }> = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1))
    candidates.push({ start: at, end: at + quote.length });
  if (candidates.length === 0)
    throw DomainError.validation([{ field: 'quote', reason: 'quote does not occur in the text' }]);
  if (candidates.length > 1)
    throw new DomainError(
      ErrorCode.Conflict,
      `the quote occurs ${candidates.length} times: send it again with the start and end of one of the candidates`,
      // The first hundred: a longer quote narrows it down.
      { field: 'quote', occurrences: candidates.length, candidates: candidates.slice(0, 100) },
    );
  return { ...candidates[0], quote };
}
