import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, LessThanOrEqual } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { User } from '@sillok/auth';
import { CaseAccessPolicy } from '@sillok/cases';
import { Settings } from '@sillok/config';
import { DomainError, ErrorCode, Permission, type Actor } from '@sillok/core';
import { newObjectKey, OBJECT_STORE, type ObjectStore } from '@sillok/evidence';
import { IdentityKeyRing, openRecord, sealRecord } from '@sillok/testimonies';
import { decryptBag, encryptBag, newBagKey, type BagKey } from './bag/bag-encryption.js';
import { BagWriter, type FinishedBag } from './bag/bag-writer.js';
import { writeCaseFileBag } from './bag/case-file-bag.js';
import { StoredHashMismatch } from './bag/sha256-check.stream.js';
import { CaseExportSeal } from './case-export-seal.entity.js';
import { CaseExport, type ExportSelection } from './case-export.entity.js';
import { unsettledReferences } from './collect/unsettled.js';
import { CaseFileCollector } from './collect/case-file.collector.js';
import { emptinessToConfirm } from './collect/emptiness.js';
import { exportPreview } from './collect/export-preview.js';
import type { CaseFile } from './collect/case-file.js';
import { ExportSigningKey } from './export-signing-key.js';
import { exportView } from './export.view.js';
import type { CreateExportDto } from './http/create-export.dto.js';
import { downloadRange, exportEtag } from './http/download-range.js';
import { appliedProfile, EXPORT_PROFILES } from './profiles/export-profile.js';
import type { ExportResponse } from './http/export.responses.js';
import type { ExportPreviewResponse } from './http/export-preview.responses.js';

export type ExportDownload =
  | {
      kind: 'full' | 'partial';
      export: ExportResponse;
      fileName: string;
      etag: string;
      /** The bytes sent, inclusive: the whole bag, or the range asked for. */
      start: number;
      end: number;
      body: Readable;
    }
  | { kind: 'unsatisfiable'; export: ExportResponse; etag: string };

/** What a download asks besides the export: a stated reason (a bag with identities) and HTTP range headers. */
export interface DownloadRequest {
  reason?: string;
  range?: string;
  ifRange?: string;
}

/** The identity-bag key sealed for storage, with what the bag needs to be opened and whom it names. */
interface BagSealing {
  exportId: string;
  bagKey: BagKey;
  authTag: Buffer;
  witnessIds: string[];
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
    /** The identity vault's keys (one ring, parsed once): they seal the key of every stored bag that holds identities. */
    private readonly vaultKeys: IdentityKeyRing,
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
  ): Promise<ExportResponse> {
    const { profile, selection, includeIdentities } = await this.request(actor, caseId, dto);
    const requester = await this.dataSource.getRepository(User).findOneByOrFail({ id: actor.userId });
    const file = await this.collector.collect({
      actor,
      caseId,
      profile,
      selection,
      identityReason: dto.identityReason,
    });

    const toConfirm = dto.confirmEmpty ? null : emptinessToConfirm(file);
    if (toConfirm) throw DomainError.validation([{ field: 'confirmEmpty', reason: toConfirm }]);

    const id = randomUUID();
    const objectKey = newObjectKey();
    const createdAt = new Date();
    const total = file.attachments.reduce((sum, a) => sum + a.size, 0);
    const bag = new BagWriter(`sillok-export-${id}`, (bytes) => onProgress?.(bytes, total));
    // A bag with identities never rests in clear: it is encrypted on its way to the store.
    const bagKey = includeIdentities ? newBagKey() : null;
    const cipher = bagKey ? encryptBag(bag.output, bagKey, id) : null;
    const stored = this.store.put(objectKey, cipher ?? bag.output, {
      contentType: bagKey ? 'application/octet-stream' : 'application/zip',
    });
    const written = writeCaseFileBag(bag, {
      collected: file,
      header: {
        exportId: id,
        profile,
        recipient: dto.recipient,
        createdAt,
        sourceOrganization: this.settings.EXPORT_SOURCE_ORGANIZATION,
        requester: { id: requester.id, name: requester.displayName, email: requester.email, role: actor.role },
        selection,
      },
      signer: {
        privateKey: this.signingKey.privateKey,
        publicKeyPem: this.signingKey.publicKeyPem,
        fingerprint: this.signingKey.fingerprint,
      },
      openObject: (key) => this.store.get(key),
    });
    const [bagResult, putResult] = await Promise.allSettled([written, stored]);
    if (bagResult.status === 'rejected' && bagResult.reason instanceof StoredHashMismatch)
      throw exportFailure(bagResult.reason);
    // A store that failed (a full disk) also breaks the bag's stream: its error is the cause to answer.
    if (putResult.status === 'rejected') throw putResult.reason;
    if (bagResult.status === 'rejected') throw exportFailure(bagResult.reason);
    const finished: FinishedBag = bagResult.value;

    const seal =
      bagKey && cipher
        ? this.seal({ exportId: id, bagKey, authTag: cipher.getAuthTag(), witnessIds: file.identityWitnessIds })
        : null;
    try {
      const row: CaseExport = {
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
      };
      await this.record(actor, { row, file, seal });
    } catch (error) {
      // The bag was stored for this record only; without the record it must not stay.
      await this.store.removeIncomplete(objectKey).catch(() => undefined);
      throw error;
    }
    return this.get(actor, id);
  }

  /**
   * What `create` with the same body would include, withhold (and why) and warn about, from the
   * same collection, without writing anything: no bag, no record, no audit row, and no identity
   * decrypted (the preview counts whose identity would be).
   */
  async preview(actor: Actor, caseId: string, dto: CreateExportDto): Promise<ExportPreviewResponse> {
    const { profile, selection, includeIdentities } = await this.request(actor, caseId, dto);
    const file = await this.collector.collect({
      actor,
      caseId,
      profile,
      selection: { ...selection, includeIdentities: false },
    });
    const witnesses = includeIdentities ? new Set(file.testimonies.map((t) => t.witness.label)).size : 0;
    return exportPreview(file, profile.name, witnesses);
  }

  /** The checks every export request passes (case access, identities allowed and permitted) and what it selects. */
  private async request(actor: Actor, caseId: string, dto: CreateExportDto) {
    await this.policy.requireCaseAccess(actor, caseId, Permission.ExportCreate);
    const includeIdentities = dto.includeIdentities === true;
    if (includeIdentities) {
      if (!EXPORT_PROFILES[dto.profile].identitiesAllowed)
        throw DomainError.validation([
          { field: 'includeIdentities', reason: `the ${dto.profile} profile never includes witness identities` },
        ]);
      // The case role caps identity reads (a viewer never reads who a witness is), so ask the case.
      await this.policy.requireCaseAccess(actor, caseId, Permission.WitnessIdentityRead);
    }
    const profile = appliedProfile(dto.profile, includeIdentities);
    const selection: ExportSelection = {
      ...(dto.testimonyIds ? { testimonyIds: dto.testimonyIds } : {}),
      ...(dto.incidentIds ? { incidentIds: dto.incidentIds } : {}),
      ...(dto.attachmentIds ? { attachmentIds: dto.attachmentIds } : {}),
      ...(dto.includeCaseAttachments !== undefined ? { includeCaseAttachments: dto.includeCaseAttachments } : {}),
      ...(dto.includeUnapproved ? { includeUnapproved: true } : {}),
      includeIdentities,
    };
    return { profile, selection, includeIdentities };
  }

  async get(actor: Actor, id: string): Promise<ExportResponse> {
    return exportView(await this.find(actor, id));
  }

  /** The case's exports, newest first; with `testimonyId`, those that carried that testimony (whom to notify). */
  async list(actor: Actor, caseId: string, testimonyId?: string): Promise<ExportResponse[]> {
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

  /**
   * The stored bag again; each download is audited before any byte flows. A bag with witness
   * identities goes only to a holder of witness.identity.read on the case, with a reason, until
   * its copy expires; each such download records a read of every identity in it.
   */
  async openDownload(actor: Actor, id: string, { reason, ...ranges }: DownloadRequest = {}): Promise<ExportDownload> {
    const row = await this.find(actor, id);
    const seal = row.includesIdentities ? await this.openableSeal(actor, row, reason) : null;
    const etag = exportEtag(row.tagManifestSha256);
    const range = downloadRange(ranges, etag, row.size, seal === null);
    if (range.kind === 'unsatisfiable') return { kind: 'unsatisfiable', export: exportView(row), etag };
    const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, row.size - 1];
    await this.audit.transaction(async (_manager, audit) => {
      audit({
        action: AuditAction.ExportDownload,
        subjectType: 'export',
        subjectId: row.id,
        caseId: row.caseId,
        details: {
          profile: row.profile,
          recipient: row.recipient,
          ...(range.kind === 'partial' ? { range: { start, end } } : {}),
        },
      });
      for (const witnessId of seal?.witnessIds ?? [])
        audit({
          action: AuditAction.WitnessIdentityRead,
          subjectType: 'witness',
          subjectId: witnessId,
          caseId: row.caseId,
          reason,
          details: { via: 'export.download', exportId: row.id },
        });
    });
    const stored = await this.store.get(row.objectKey, range.kind === 'partial' ? { start, end } : undefined);
    return {
      kind: range.kind,
      export: exportView(row),
      fileName: `sillok-export-${row.id}.zip`,
      etag,
      start,
      end,
      body: seal ? decryptBag(stored, this.unseal(seal), seal.bagAuthTag, row.id) : stored,
    };
  }

  /**
   * Erases the key of every stored identity bag past its expiry, which leaves its ciphertext
   * (and every version or backup of it) unreadable, and removes the object; each one audited.
   */
  async purgeExpired(now = new Date()): Promise<string[]> {
    const due = await this.dataSource.getRepository(CaseExportSeal).find({
      where: { expiresAt: LessThanOrEqual(now), purgedAt: IsNull() },
      relations: { export: true },
      order: { expiresAt: 'ASC' },
    });
    for (const seal of due) {
      await this.audit.transaction(async (manager, audit) => {
        await manager
          .getRepository(CaseExportSeal)
          .update({ exportId: seal.exportId }, { sealedKey: null, purgedAt: now });
        audit({
          action: AuditAction.ExportPurge,
          subjectType: 'export',
          subjectId: seal.exportId,
          caseId: seal.export!.caseId,
          details: { expiredAt: seal.expiresAt.toISOString(), witnesses: seal.witnessIds.length },
        });
      });
      // The key is gone already; the object is removed as well where the store allows it.
      await this.store.removeIncomplete(seal.export!.objectKey).catch(() => undefined);
    }
    return due.map((seal) => seal.exportId);
  }

  private async openableSeal(actor: Actor, row: CaseExport, reason?: string): Promise<CaseExportSeal> {
    await this.policy.requireCaseAccess(actor, row.caseId, Permission.WitnessIdentityRead);
    if (!reason || reason.trim().length < 10)
      throw DomainError.validation([
        {
          field: 'reason',
          reason: 'this export holds witness identities: say why you download it (at least 10 characters)',
        },
      ]);
    const seal = await this.dataSource.getRepository(CaseExportSeal).findOneBy({ exportId: row.id });
    if (!seal || seal.sealedKey === null || seal.expiresAt.getTime() <= Date.now())
      throw new DomainError(
        ErrorCode.NotFound,
        'the stored copy of this export with witness identities has expired; make a new export',
      );
    return seal;
  }

  private seal({ exportId, bagKey, authTag, witnessIds }: BagSealing): CaseExportSeal {
    const sealed = sealRecord(this.vaultKeys, exportId, bagKey.key.toString('base64'));
    const days = this.settings.EXPORT_IDENTITY_RETENTION_DAYS;
    return Object.assign(new CaseExportSeal(), {
      exportId,
      keyId: sealed.keyId,
      keyNonce: sealed.nonce,
      sealedKey: sealed.ciphertext,
      bagIv: bagKey.iv,
      bagAuthTag: authTag,
      witnessIds,
      expiresAt: new Date(Date.now() + days * 86_400_000),
      purgedAt: null,
    });
  }

  private unseal(seal: CaseExportSeal): BagKey {
    const key = openRecord<string>(this.vaultKeys, seal.exportId, {
      keyId: seal.keyId,
      nonce: seal.keyNonce,
      ciphertext: seal.sealedKey!,
    });
    return { key: Buffer.from(key, 'base64'), iv: seal.bagIv };
  }

  private async find(actor: Actor, id: string): Promise<CaseExport> {
    const row = await this.dataSource.getRepository(CaseExport).findOneBy({ id });
    if (!row) throw DomainError.notFound('export');
    await this.policy.requireRecordAccess(actor, {
      record: row,
      what: 'export',
      permission: Permission.ExportRead,
    });
    return row;
  }

  /** The record, its audit row, and a custody event for every attachment that went out, in one transaction. */
  private async record(
    actor: Actor,
    { row, file, seal }: { row: CaseExport; file: CaseFile; seal: CaseExportSeal | null },
  ): Promise<void> {
    const { caseId } = row;
    await this.audit.transaction(async (manager, audit) => {
      await manager.getRepository(CaseExport).insert(row);
      if (seal) await manager.getRepository(CaseExportSeal).insert(seal);
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
          includeUnapproved: row.selection.includeUnapproved === true,
          unapproved: unsettledReferences(file),
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
