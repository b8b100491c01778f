import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Attachment } from '../attachments/attachment.entity.js';

/**
 * When and where an original says it was made, read from its bytes at ingest (EXIF, MP4 `mvhd`).
 * A separate record: the stored file is never changed. GPS can locate a witness or a camp, so it is
 * shown only to readers allowed to download the attachment.
 */
@Entity('attachment_capture_metadata')
@Check('attachment_capture_metadata_source_check', `source IN ('exif', 'mvhd')`)
export class AttachmentCaptureMetadata {
  @PrimaryColumn('uuid')
  attachmentId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  extractedAt: Date;

  @Column('text')
  source: string;

  @Column({ type: 'timestamptz', nullable: true })
  capturedAt: Date | null;

  @Column({ type: 'double precision', nullable: true })
  gpsLatitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  gpsLongitude: number | null;

  @Column({ type: 'text', nullable: true })
  cameraMake: string | null;

  @Column({ type: 'text', nullable: true })
  cameraModel: string | null;

  @Column('jsonb')
  raw: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  errors: string | null;

  @OneToOne(() => Attachment)
  @JoinColumn({ name: 'attachment_id', foreignKeyConstraintName: 'attachment_capture_metadata_attachment_id_fkey' })
  attachment?: Attachment;
}
