import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditAction, AuditService, custodyEvents, sealAuditChain } from '@sillok/audit';
import { roleHasPermission } from '@sillok/auth';
import { CaseAccessPolicy, caseRoleAtLeast, minimumCaseRole } from '@sillok/cases';
import { DomainError, Permission, type Actor } from '@sillok/core';
import { AttachmentCaptureMetadata } from '../capture/capture-metadata.entity.js';
import { OBJECT_STORE, type ObjectStore } from '../object-store/object-store.port.js';
import { ownerReadPermission, requireOwnerCase, type AttachmentOwnerType } from './attachment-owner.js';
import { Attachment } from './attachment.entity.js';
import type { AttachmentResponse, CustodyEntryResponse, FixityCheckResponse } from './attachment.responses.js';
import { attachmentView, fixityCheckView } from './attachment.view.js';
import { FixityCheck } from './fixity-check.entity.js';
import { parseRange } from './http-range.js';

export type AttachmentContent =
  | { kind: 'unsatisfiable'; attachment: AttachmentResponse }
  | { kind: 'full' | 'partial'; attachment: AttachmentResponse; start: number; end: number; body: Readable };

/** Reading attachments: metadata, content (audited), fixity history and chain of custody. */
@Injectable()
export class AttachmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly policy: CaseAccessPolicy,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  /** With its capture metadata; the location in it only for readers who may download the file. */
  async get(actor: Actor, id: string): Promise<AttachmentResponse> {
    const attachment = await this.dataSource.getRepository(Attachment).findOne({ where: { id } });
    if (!attachment) throw DomainError.notFound('attachment');
    const access = await this.policy.requireRecordAccess(actor, {
      record: attachment,
      what: 'attachment',
      permission: Permission.CaseRead,
    });
    const mayDownload =
      roleHasPermission(actor.role, Permission.AttachmentDownload) &&
      caseRoleAtLeast(access.caseRole, minimumCaseRole(Permission.AttachmentDownload));
    const capture = await this.dataSource.getRepository(AttachmentCaptureMetadata).findOne({
      where: { attachmentId: attachment.id },
    });
    return attachmentView(attachment, { capture, showLocation: mayDownload });
  }

  async listOf(actor: Actor, ownerType: AttachmentOwnerType, ownerId: string): Promise<AttachmentResponse[]> {
    const read = ownerReadPermission(ownerType);
    await requireOwnerCase(this.dataSource.manager, {
      policy: this.policy,
      actor,
      permission: read,
      ownerType,
      ownerId,
    });
    const rows = await this.dataSource.getRepository(Attachment).find({
      where: { ownerType, ownerId },
      order: { uploadedAt: 'ASC', id: 'ASC' },
    });
    return rows.map((row) => attachmentView(row));
  }

  /** The bytes (or one range of them); the download is audited before any byte flows. */
  async openContent(actor: Actor, id: string, rangeHeader: string | undefined): Promise<AttachmentContent> {
    const attachment = await this.find(actor, id, Permission.AttachmentDownload);
    const view = attachmentView(attachment);
    const range = parseRange(rangeHeader, attachment.size);
    if (range.kind === 'unsatisfiable') return { kind: 'unsatisfiable', attachment: view };
    const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, attachment.size - 1];
    await this.audit.recordNow({
      action: AuditAction.AttachmentDownload,
      subjectType: 'attachment',
      subjectId: attachment.id,
      caseId: attachment.caseId,
      details: range.kind === 'partial' ? { range: { start, end } } : {},
    });
    const body =
      attachment.size === 0
        ? await this.store.get(attachment.objectKey)
        : await this.store.get(attachment.objectKey, { start, end });
    return { kind: range.kind, attachment: view, start, end, body };
  }

  async fixityHistory(actor: Actor, id: string): Promise<FixityCheckResponse[]> {
    const attachment = await this.find(actor, id, Permission.CaseRead);
    const checks = await this.dataSource.getRepository(FixityCheck).find({
      where: { attachmentId: attachment.id },
      order: { checkedAt: 'ASC', id: 'ASC' },
    });
    return checks.map(fixityCheckView);
  }

  /** Every audit event about the attachment, in chain order: ingest, derivatives, downloads, fixity checks. */
  async custody(actor: Actor, id: string): Promise<CustodyEntryResponse[]> {
    const attachment = await this.find(actor, id, Permission.CaseRead);
    await sealAuditChain(this.dataSource.manager);
    const events = await custodyEvents(this.dataSource.manager, [attachment.id]);
    return events.map(({ subjectType: _type, subjectId: _id, ...entry }) => entry);
  }

  private async find(actor: Actor, id: string, permission: Permission): Promise<Attachment> {
    const attachment = await this.dataSource.getRepository(Attachment).findOne({ where: { id } });
    if (!attachment) throw DomainError.notFound('attachment');
    await this.policy.requireRecordAccess(actor, { record: attachment, what: 'attachment', permission });
    return attachment;
  }
}
