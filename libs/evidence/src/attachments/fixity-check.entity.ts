import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from '@sillok/database';
import { Attachment } from './attachment.entity.js';

/** One re-read of an attachment's object: what was found, and whether it matched the stored SHA-256. */
@Entity('fixity_checks')
@Index('fixity_checks_attachment_idx', { synchronize: false })
@Index('fixity_checks_run_idx', { synchronize: false })
@Index('fixity_checks_checked_at_idx', { synchronize: false })
export class FixityCheck {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  attachmentId: string;

  /** One fixity:check run; --resume skips attachments this run already checked. */
  @Column('uuid')
  runId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  checkedAt: Date;

  @Column('boolean')
  ok: boolean;

  @Column({ type: 'boolean', default: false })
  missing: boolean;

  @Column({ type: 'text', nullable: true })
  observedSha256: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  observedSize: number | null;

  @ManyToOne(() => Attachment)
  @JoinColumn({ name: 'attachment_id', foreignKeyConstraintName: 'fixity_checks_attachment_id_fkey' })
  attachment?: Attachment;
}
