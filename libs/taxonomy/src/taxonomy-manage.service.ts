import { Injectable } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { DomainError, ErrorCode, isUuid, requestContext } from '@sillok/core';
import { schemeDefinition } from './taxonomy-schemes.js';
import { TaxonomyTermEntity } from './taxonomy-term.entity.js';
import { toTermView } from './taxonomy-term.view.js';
import { TaxonomyService } from './taxonomy.service.js';
import {
  EDITABLE_FIELDS,
  SEED_EDITABLE_FIELDS,
  cleanAliases,
  sameValue,
  type DeprecateTermInput,
  type EditableField,
  type NewTermInput,
  type TermEditInput,
} from './term-changes.js';
import type { TermResponse } from './taxonomy.responses.js';

const SUBJECT_TYPE = 'taxonomy_term';

/**
 * Coordinators' changes to the vocabularies: local terms added, terms edited and deprecated.
 * Nothing is ever deleted (records refer to terms by id). Every write is audited in the same
 * transaction; edits and deprecations carry the version the editor saw (409 when stale).
 */
@Injectable()
export class TaxonomyManageService {
  constructor(
    private readonly audit: AuditService,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async createTerm(scheme: string, input: NewTermInput): Promise<TermResponse> {
    const definition = schemeDefinition(scheme);
    if (!definition) throw DomainError.notFound('taxonomy scheme');
    if (!definition.localTerms) {
      throw DomainError.validation([
        { field: 'scheme', reason: `${scheme} is a closed list: its terms change by migration only` },
      ]);
    }
    const codeTaken = () => new DomainError(ErrorCode.Conflict, `${scheme} already has a term with code ${input.code}`);
    return this.audit.transaction(async (manager, audit) => {
      const repository = manager.getRepository(TaxonomyTermEntity);
      if (await repository.existsBy({ scheme, code: input.code })) throw codeTaken();
      if (input.parentId) await this.requireParent(manager, scheme, input.parentId);
      const term = repository.create({
        scheme,
        code: input.code,
        labelEn: input.labelEn.trim(),
        labelKo: input.labelKo?.trim() || null,
        parentId: input.parentId ?? null,
        aliases: cleanAliases(input.aliases ?? []),
        notes: input.notes ?? null,
        attributes: input.attributes ?? {},
        status: 'active',
        deprecatedReason: null,
        deprecatedAt: null,
        origin: 'local',
        createdBy: requestContext.current()?.actor?.userId ?? null,
      });
      await this.refuseNameClash(manager, term);
      const saved = await repository.save(term).catch((error: unknown) => {
        // Another coordinator added the same code between our check and our insert.
        if (isUniqueViolation(error)) throw codeTaken();
        throw error;
      });
      audit({
        action: AuditAction.TaxonomyTermCreate,
        subjectType: SUBJECT_TYPE,
        subjectId: saved.id,
        details: { scheme, code: saved.code },
      });
      return toTermView(await repository.findOneByOrFail({ id: saved.id }));
    });
  }

  async updateTerm(id: string, input: TermEditInput): Promise<TermResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const term = await this.lockTerm(manager, id, input.version);
      if (input.labelEn === null)
        throw DomainError.validation([{ field: 'labelEn', reason: 'labelEn cannot be cleared' }]);
      const changed = this.changedFields(term, input);
      if (!changed.length) return toTermView(term);
      const allowed = term.origin === 'seed' ? SEED_EDITABLE_FIELDS : EDITABLE_FIELDS;
      const refused = changed.filter((field) => !allowed.includes(field));
      if (refused.length) {
        throw DomainError.validation(
          refused.map((field) => ({ field, reason: 'seeded terms keep their code, labels, parent and attributes' })),
        );
      }
      if (changed.includes('parentId') && input.parentId) {
        await this.requireParent(manager, term.scheme, input.parentId, term.id);
      }
      if (changed.includes('labelEn')) term.labelEn = input.labelEn!.trim();
      if (changed.includes('labelKo')) term.labelKo = input.labelKo?.trim() || null;
      if (changed.includes('parentId')) term.parentId = input.parentId ?? null;
      if (changed.includes('aliases')) term.aliases = cleanAliases(input.aliases ?? []);
      if (changed.includes('notes')) term.notes = input.notes ?? null;
      if (changed.includes('attributes')) term.attributes = input.attributes ?? {};
      await this.refuseNameClash(manager, term);
      await manager.getRepository(TaxonomyTermEntity).save(term);
      audit({
        action: AuditAction.TaxonomyTermUpdate,
        subjectType: SUBJECT_TYPE,
        subjectId: term.id,
        details: { scheme: term.scheme, code: term.code, fields: changed },
      });
      return toTermView(await manager.getRepository(TaxonomyTermEntity).findOneByOrFail({ id: term.id }));
    });
  }

  /** Hides the term from trees and lookups for new tagging; records that use it stay readable. */
  async deprecateTerm(id: string, input: DeprecateTermInput): Promise<TermResponse> {
    return this.audit.transaction(async (manager, audit) => {
      const term = await this.lockTerm(manager, id, input.version);
      if (term.status === 'deprecated') throw new DomainError(ErrorCode.Conflict, 'the term is already deprecated');
      const activeChildren = await manager
        .getRepository(TaxonomyTermEntity)
        .countBy({ parentId: term.id, status: 'active' });
      if (activeChildren > 0) {
        throw new DomainError(
          ErrorCode.Conflict,
          `the term has ${activeChildren} active sub-terms: deprecate or move them first`,
        );
      }
      term.status = 'deprecated';
      term.deprecatedReason = input.reason.trim();
      term.deprecatedAt = new Date();
      await manager.getRepository(TaxonomyTermEntity).save(term);
      audit({
        action: AuditAction.TaxonomyTermDeprecate,
        subjectType: SUBJECT_TYPE,
        subjectId: term.id,
        reason: term.deprecatedReason,
        details: { scheme: term.scheme, code: term.code },
      });
      return toTermView(await manager.getRepository(TaxonomyTermEntity).findOneByOrFail({ id: term.id }));
    });
  }

  /** The term, row-locked for this transaction, if the editor saw its current version. */
  private async lockTerm(manager: EntityManager, id: string, version: number): Promise<TaxonomyTermEntity> {
    if (!isUuid(id)) throw DomainError.notFound('taxonomy term');
    const term = await manager
      .getRepository(TaxonomyTermEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!term) throw DomainError.notFound('taxonomy term');
    if (term.version !== version) {
      throw DomainError.staleVersion(`the term is at version ${term.version}, not ${version}`, term.version);
    }
    return term;
  }

  private changedFields(term: TaxonomyTermEntity, input: TermEditInput): EditableField[] {
    const next: Record<EditableField, unknown> = {
      labelEn: input.labelEn?.trim(),
      labelKo: input.labelKo === undefined ? undefined : input.labelKo?.trim() || null,
      parentId: input.parentId,
      aliases: input.aliases === undefined ? undefined : cleanAliases(input.aliases),
      notes: input.notes,
      attributes: input.attributes,
    };
    return EDITABLE_FIELDS.filter((field) => next[field] !== undefined && !sameValue(next[field], term[field]));
  }

  /** The parent must be an active term of the same scheme, and not the term or one below it. */
  private async requireParent(manager: EntityManager, scheme: string, parentId: string, termId?: string) {
    const parent = await manager.getRepository(TaxonomyTermEntity).findOneBy({ id: parentId });
    if (!parent || parent.scheme !== scheme || parent.status !== 'active') {
      throw DomainError.validation([{ field: 'parentId', reason: `must be an active term of ${scheme}` }]);
    }
    if (termId && (await this.taxonomy.descendantIds([termId], { manager })).includes(parent.id)) {
      throw DomainError.validation([{ field: 'parentId', reason: 'a term cannot sit below itself' }]);
    }
  }

  /**
   * Two active terms of one scheme must not share a normalised name, or a lookup of "Camp 15"
   * would be ambiguous; the clash is named so the coordinator can fix the alias.
   */
  private async refuseNameClash(manager: EntityManager, term: TaxonomyTermEntity): Promise<void> {
    const names = [term.code, term.labelEn, term.labelKo, ...term.aliases].filter((n): n is string => !!n);
    const clashes: Array<{ name: string; code: string }> = await manager.query(
      `SELECT n.name, t.code
         FROM unnest($1::text[]) AS n(name)
         JOIN taxonomy_term_keys k ON k.key = taxonomy_search_key(n.name)
         JOIN taxonomy_terms t ON t.id = k.term_id
        WHERE t.scheme = $2 AND t.status = 'active' AND t.id IS DISTINCT FROM $3::uuid
        LIMIT 1`,
      [names, term.scheme, term.id ?? null],
    );
    if (clashes.length) {
      const [{ name, code }] = clashes;
      throw new DomainError(ErrorCode.Conflict, `"${name}" already names the term ${code} of ${term.scheme}`);
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
}
