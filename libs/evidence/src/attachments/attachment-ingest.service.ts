import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { requireRolePermission } from '@sillok/auth';
import { CaseAccessPolicy } from '@sillok/cases';
import { Settings } from '@sillok/config';
import {
  DomainError,
  ErrorCode,
  Permission,
  flattenValidationErrors,
  readMultipartFile,
  refuseNulCharacters,
  requestContext,
  type Actor,
  type IncomingFile,
} from '@sillok/core';
import { CAPTURE_METADATA_HEAD_BYTES, extractCaptureMetadata } from '../capture/capture-metadata.extractor.js';
import { AttachmentCaptureMetadata } from '../capture/capture-metadata.entity.js';
import { hashingStream } from '../hashing/hashing-pass-through.js';
import { newObjectKey } from '../object-store/object-key.js';
import { OBJECT_STORE, type ObjectStore } from '../object-store/object-store.port.js';
import { requireOwnerCase, type AttachmentOwnerType } from './attachment-owner.js';
import { AttachmentMetadataDto, DerivativeMetadataDto } from './http/attachment.dto.js';
import { Attachment } from './attachment.entity.js';
import type { AttachmentResponse } from './attachment.responses.js';
import { attachmentView } from './attachment.view.js';
import { HeadCapture } from './head-capture.js';
import { MEDIA_SNIFF_BYTES, detectMediaType } from './media-type.js';

type Placement = Pick<Attachment, 'caseId' | 'ownerType' | 'ownerId'> &
  Partial<Pick<Attachment, 'derivedFrom' | 'derivation' | 'derivationReason'>>;

/**
 * Ingest: access is checked before a byte of the body is read; the file streams from the
 * socket through the hasher into the object store; the row and its audit event commit
 * only once the object is stored. Any failure (bad fields, too large, store down, client
 * gone, database refusing) leaves no row and no object.
 */
@Injectable()
export class AttachmentIngestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly policy: CaseAccessPolicy,
    private readonly settings: Settings,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  async upload(
    actor: Actor,
    ownerType: AttachmentOwnerType,
    ownerId: string,
    request: IncomingMessage,
  ): Promise<AttachmentResponse> {
    requireRolePermission(actor.role, Permission.AttachmentUpload);
    const caseId = await requireOwnerCase(this.dataSource.manager, {
      policy: this.policy,
      actor,
      permission: Permission.AttachmentUpload,
      ownerType,
      ownerId,
    });
    this.refuseDeclaredOversize(request);
    return readMultipartFile(request, async (file) => {
      const metadata = await validFields(AttachmentMetadataDto, file);
      return this.ingest(actor, {
        file,
        metadata,
        placement: { caseId, ownerType, ownerId },
        action: AuditAction.AttachmentUpload,
      });
    });
  }

  /** A redacted or transcoded copy: a new object linked to its original, which stays as it is. */
  async uploadDerivative(actor: Actor, originalId: string, request: IncomingMessage): Promise<AttachmentResponse> {
    requireRolePermission(actor.role, Permission.AttachmentUpload);
    const original = await this.dataSource.getRepository(Attachment).findOne({ where: { id: originalId } });
    if (!original) throw DomainError.notFound('attachment');
    await this.policy.requireRecordAccess(actor, {
      record: original,
      what: 'attachment',
      permission: Permission.AttachmentUpload,
    });
    this.refuseDeclaredOversize(request);
    return readMultipartFile(request, async (file) => {
      const metadata = await validFields(DerivativeMetadataDto, file);
      const placement: Placement = {
        caseId: original.caseId,
        ownerType: original.ownerType,
        ownerId: original.ownerId,
        derivedFrom: original.id,
        derivation: metadata.derivation,
        derivationReason: metadata.reason,
      };
      return this.ingest(actor, { file, metadata, placement, action: AuditAction.AttachmentDerive });
    });
  }

  /** A body whose declared length alone is over the limit is refused before reading it. */
  private refuseDeclaredOversize(request: IncomingMessage): void {
    const declared = Number(request.headers['content-length']);
    const max = this.settings.UPLOAD_MAX_BYTES;
    // The multipart framing adds a little; only refuse what cannot fit even without it.
    if (Number.isFinite(declared) && declared > max + 64 * 1024) {
      throw tooLarge(max);
    }
  }

  private async ingest(
    actor: Actor,
    {
      file,
      metadata,
      placement,
      action,
    }: { file: IncomingFile; metadata: AttachmentMetadataDto; placement: Placement; action: AuditAction },
  ): Promise<AttachmentResponse> {
    const key = newObjectKey();
    // The first bytes serve media type detection and capture metadata; never the whole file.
    const head = new HeadCapture(Math.max(MEDIA_SNIFF_BYTES, CAPTURE_METADATA_HEAD_BYTES));
    const hashing = hashingStream({ maxBytes: this.settings.UPLOAD_MAX_BYTES });
    // Any stage failing destroys the others; put() then rejects and leaves nothing.
    pipeline(file.stream, head, hashing, () => undefined);
    try {
      await this.store.put(key, hashing, { contentType: 'application/octet-stream' });
      const digests = hashing.digests();
      const capture = extractCaptureMetadata(head.head);
      return await this.audit.transaction(async (manager, audit) => {
        const saved = await manager.getRepository(Attachment).save(
          manager.getRepository(Attachment).create({
            ...placement,
            objectKey: key,
            originalFileName: file.fileName,
            declaredMediaType: file.declaredMediaType || null,
            detectedMediaType: detectMediaType(head.head),
            size: digests.size,
            sha256: digests.sha256,
            md5: digests.md5,
            kind: metadata.kind,
            description: metadata.description ?? '',
            language: metadata.language ?? null,
            uploadedBy: actor.userId,
            requestId: requestContext.current()?.requestId ?? null,
          }),
        );
        const captureMetadata = capture
          ? await manager
              .getRepository(AttachmentCaptureMetadata)
              .save(manager.getRepository(AttachmentCaptureMetadata).create({ ...capture, attachmentId: saved.id }))
          : null;
        audit({
          action,
          subjectType: 'attachment',
          subjectId: saved.id,
          caseId: saved.caseId,
          details: {
            ownerType: saved.ownerType,
            ownerId: saved.ownerId,
            sha256: saved.sha256,
            size: saved.size,
            ...(saved.derivedFrom ? { derivedFrom: saved.derivedFrom, derivation: saved.derivation } : {}),
          },
        });
        return attachmentView(saved, { capture: captureMetadata, showLocation: true });
      });
    } catch (error) {
      await this.store.removeIncomplete(key).catch(() => undefined);
      throw error;
    }
  }
}

async function validFields<T extends object>(type: new () => T, file: IncomingFile): Promise<T> {
  // Form fields do not pass the global validation pipe: refuse what PostgreSQL cannot store here.
  refuseNulCharacters({ ...file.fields, file: file.fileName });
  const dto = plainToInstance(type, file.fields);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw DomainError.validation(flattenValidationErrors(errors));
  return dto;
}

function tooLarge(max: number): DomainError {
  return new DomainError(ErrorCode.PayloadTooLarge, `the file is larger than ${max} bytes`, { maxBytes: max });
}
