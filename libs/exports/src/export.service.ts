import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { requireRolePermission, User } from '@sillok/auth';
import { CaseAccessPolicy } from '@sillok/cases';
import { Settings } from '@sillok/config';
import { DomainError, ErrorCode, Permission, type Actor } from '@sillok/core';
import { newObjectKey, OBJECT_STORE, type ObjectStore } from '@sillok/evidence';
import { BagWriter, type FinishedBag } from './bag/bag-writer.js';
import { writeCaseFileBag } from './bag/case-file-bag.js';
import { StoredHashMismatch } from './bag/sha256-check.stream.js';
import { CaseExport, type ExportSelection } from './case-export.entity.js';
import { CaseFileCollector } from './collect/case-file.collector.js';
import type { CaseFile } from './collect/case-file.js';
import { ExportSigningKey } from './export-signing-key.js';
import { exportView, type ExportView } from './export.view.js';
import type { CreateExportDto } from './http/create-export.dto.js';
import { appliedProfile, EXPORT_PROFILES } from './profiles/export-profile.js';

export interface ExportDownload {
  export: ExportView;
  fileName: string;
  body: Readable;
}

/** Creating case-file exports (bag streamed to the object store, then recorded and audited) and serving them again. */
@Injectable()
export class ExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly policy: CaseAccessPolicy,
    private readonly collector: CaseFileCollector,
    private readonly signingKey: ExportSigningKey,
    private readonly settings: Settings,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  /**
   * Collects, bags and stores the export; only a bag that was stored whole is recorded. Any
   * failure (a stored attachment whose bytes no longer match its hash, the store failing)
   * leaves neither an object nor a record behind.
   */
  async create(
    actor: Actor,
    caseId: string,
    dto: CreateExportDto,
    onProgress?: (bytes: number, total: number) => void,
  ): Promise<ExportView> {
    await this.policy.requireCaseAccess(actor, caseId, Permission.ExportCreate);
    const includeIdentities = dto.includeIdentities === true;
    if (includeIdentities) {
      if (!EXPORT_PROFILES[dto.profile].identitiesAllowed)
        throw DomainError.validation([
          { field: 'includeIdentities', reason: `the ${dto.profile} profile never includes witness identities` },
        ]);
      requireRolePermission(actor.role, Permission.WitnessIdentityRead);
    }
    const profile = appliedProfile(dto.profile, includeIdentities);
    const selection: ExportSelection = {
      ...(dto.testimonyIds ? { testimonyIds: dto.testimonyIds } : {}),
      ...(dto.incidentIds ? { incidentIds: dto.incidentIds } : {}),
      ...(dto.attachmentIds ? { attachmentIds: dto.attachmentIds } : {}),
      ...(dto.includeCaseAttachments !== undefined ? { includeCaseAttachments: dto.includeCaseAttachments } : {}),
      includeIdentities,
    };
    const requester = await this.dataSource.manager.findOneByOrFail(User, { id: actor.userId });
    const file = await this.collector.collect({
      actor,
      caseId,
      profile,
      selection,
      identityReason: dto.identityReason,
    });

    const id = randomUUID();
    const objectKey = newObjectKey();
    const createdAt = new Date();
    const total = file.attachments.reduce((sum, a) => sum + a.size, 0);
    const bag = new BagWriter(`sillok-export-${id}`, (bytes) => onProgress?.(bytes, total));
    const stored = this.store.put(objectKey, bag.output, { contentType: 'application/zip' });
    const written = writeCaseFileBag(
      bag,
      file,
      {
        exportId: id,
        profile,
        recipient: dto.recipient,
        createdAt,
        sourceOrganization: this.settings.EXPORT_SOURCE_ORGANIZATION,
        requester: { id: requester.id, name: requester.displayName, email: requester.email, role: actor.role },
        selection,
      },
      { privateKey: this.signingKey.privateKey, publicKeyPem: this.signingKey.publicKeyPem },
      (key) => this.store.get(key),
    );
    const [bagResult, putResult] = await Promise.allSettled([written, stored]);
    if (bagResult.status === 'rejected') throw exportFailure(bagResult.reason);
    if (putResult.status === 'rejected') throw putResult.reason;
    const finished: FinishedBag = bagResult.value;

    try {
      await this.record(actor, caseId, file, {
        id,
        caseId,
        profile: profile.name,
        recipient: dto.recipient,
        selection,
        testimonyIds: file.testimonies.map((t) => t.id),
        attachmentIds: file.attachments.map((a) => a.id),
        withheld: file.withheld,
        includesIdentities: includeIdentities,
        objectKey,
        size: putResult.value.size,
        payloadOxum: finished.payloadOxum,
        tagManifestSha256: finished.tagManifestSha256,
        signature: finished.signature,
        publicKeyFingerprint: this.signingKey.fingerprint,
        createdBy: actor.userId,
        createdAt,
      });
    } catch (error) {
      // The bag was stored for this record only; without the record it must not stay.
      await this.store.removeIncomplete(objectKey).catch(() => undefined);
      throw error;
    }
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<ExportView> {
    return exportView(await this.find(actor, id));
  }

  /** The case's exports, newest first; with `testimonyId`, those that carried that testimony (whom to notify). */
  async list(actor: Actor, caseId: string, testimonyId?: string): Promise<ExportView[]> {
    await this.policy.requireCaseAccess(actor, caseId, Permission.ExportRead);
    const query = this.dataSource
      .getRepository(CaseExport)
      .createQueryBuilder('e')
      .where('e.case_id = :caseId', { caseId })
      .orderBy('e.created_at', 'DESC')
      .addOrderBy('e.id', 'ASC');
    if (testimonyId) query.andWhere(':testimonyId = ANY(e.testimony_ids)', { testimonyId });
    return (await query.getMany()).map(exportView);
  }

  /** The stored bag again; each download is audited before any byte flows. */
  async openDownload(actor: Actor, id: string): Promise<ExportDownload> {
    const row = await this.find(actor, id);
    if (row.includesIdentities) requireRolePermission(actor.role, Permission.WitnessIdentityRead);
    await this.audit.recordNow({
      action: AuditAction.ExportDownload,
      subjectType: 'export',
      subjectId: row.id,
      caseId: row.caseId,
      details: { profile: row.profile, recipient: row.recipient },
    });
    return {
      export: exportView(row),
      fileName: `sillok-export-${row.id}.zip`,
      body: await this.store.get(row.objectKey),
    };
  }

  private async find(actor: Actor, id: string): Promise<CaseExport> {
    const row = await this.dataSource.manager.findOneBy(CaseExport, { id });
    if (!row) throw DomainError.notFound('export');
    await this.policy.requireCaseAccess(actor, row.caseId, Permission.ExportRead);
    return row;
  }

  /** The record, its audit row, and a custody event for every attachment that went out, in one transaction. */
  private async record(actor: Actor, caseId: string, file: CaseFile, row: CaseExport): Promise<void> {
    await this.audit.transaction(async (manager, audit) => {
      await manager.getRepository(CaseExport).insert(row);
      audit({
        action: AuditAction.ExportCreate,
        subjectType: 'export',
        subjectId: row.id,
        caseId,
        details: {
          profile: row.profile,
          recipient: row.recipient,
          testimonies: file.testimonies.map((t) => t.reference),
          withheld: file.withheld.length,
          attachments: file.attachments.length,
          includesIdentities: row.includesIdentities,
          tagManifestSha256: row.tagManifestSha256,
          size: row.size,
        },
      });
      for (const attachment of file.attachments) {
        audit({
          action: AuditAction.AttachmentExport,
          subjectType: 'attachment',
          subjectId: attachment.id,
          caseId,
          details: { exportId: row.id, profile: row.profile, recipient: row.recipient },
        });
      }
    });
  }
}

/** A stored file whose bytes changed is a conflict the coordinator must see; it names the file and both hashes. */
function exportFailure(error: unknown): unknown {
  if (error instanceof StoredHashMismatch)
    return new DomainError(
      ErrorCode.Conflict,
      `export stopped: ${error.message}; run sillok fixity:check and restore the original before exporting`,
      { path: error.path },
    );
  return error;
}
