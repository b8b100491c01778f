import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@sillok/auth';
import { Case } from '@sillok/cases';
import { bigintNumber } from '@sillok/database';
import type { AttachmentOwnerType } from './attachment-owner.js';

export const ATTACHMENT_KINDS = [
  'interview_recording',
  'document',
  'drawing',
  'photo',
  'satellite_image',
  'other',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const DERIVATIONS = ['redacted', 'transcoded', 'other'] as const;
export type Derivation = (typeof DERIVATIONS)[number];

/**
 * One stored evidence object: an original or a copy derived from one. Never deleted and
 * never changed after ingest; the object key comes from newObjectKey(), never the file name.
 */
@Entity('attachments')
@Index('attachments_object_key_key', { synchronize: false })
@Index('attachments_owner_idx', { synchronize: false })
@Index('attachments_case_idx', { synchronize: false })
@Index('attachments_derived_from_idx', { synchronize: false })
@Check('attachments_owner_type_check', `owner_type IN ('testimony', 'case', 'incident')`)
@Check('attachments_size_check', `size >= 0`)
@Check('attachments_sha256_check', `sha256 ~ '^[0-9a-f]{64}$'`)
@Check('attachments_md5_check', `md5 ~ '^[0-9a-f]{32}$'`)
@Check(
  'attachments_kind_check',
  `kind IN ('interview_recording', 'document', 'drawing', 'photo', 'satellite_image', 'other')`,
)
@Check('attachments_derivation_check', `derivation IN ('redacted', 'transcoded', 'other')`)
@Check(
  'attachments_derivation_link_check',
  `(derived_from IS NULL AND derivation IS NULL AND derivation_reason IS NULL)
          OR (derived_from IS NOT NULL AND derivation IS NOT NULL AND derivation_reason IS NOT NULL)`,
)
export class Attachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  caseId: string;

  @Column('text')
  ownerType: AttachmentOwnerType;

  @Column('uuid')
  ownerId: string;

  @Column('text')
  objectKey: string;

  /** As the uploader gave it; shown and offered on download, never used as a storage key. */
  @Column('text')
  originalFileName: string;

  @Column({ type: 'text', nullable: true })
  declaredMediaType: string | null;

  /** From the file's first bytes; the declared type is kept but not trusted. */
  @Column('text')
  detectedMediaType: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  size: number;

  @Column('text')
  sha256: string;

  @Column('text')
  md5: string;

  @Column('text')
  kind: AttachmentKind;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', nullable: true })
  language: string | null;

  @Column('uuid')
  uploadedBy: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  uploadedAt: Date;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'uuid', nullable: true })
  derivedFrom: string | null;

  @Column({ type: 'text', nullable: true })
  derivation: Derivation | null;

  @Column({ type: 'text', nullable: true })
  derivationReason: string | null;

  @ManyToOne(() => Case)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'attachments_case_id_fkey' })
  case?: Case;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'attachments_uploaded_by_fkey' })
  uploader?: User;

  @ManyToOne(() => Attachment)
  @JoinColumn({ name: 'derived_from', foreignKeyConstraintName: 'attachments_derived_from_fkey' })
  original?: Attachment;
}
