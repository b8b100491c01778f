import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@sillok/auth';
import { Testimony } from './testimony.entity.js';
import type { TestimonyContent } from './testimony-content.js';

/** One content state of a testimony; never changed (a trigger refuses it). */
@Entity('testimony_revisions')
@Index('testimony_revisions_number_key', { synchronize: false })
@Check('testimony_revisions_content_sha256_check', `content_sha256 ~ '^[0-9a-f]{64}$'`)
export class TestimonyRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  testimonyId: string;

  @Column('integer')
  revision: number;

  @Column('jsonb')
  content: TestimonyContent;

  @Column('text')
  contentSha256: string;

  @Column({ type: 'text', array: true, default: '{}' })
  changedFields: string[];

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column('uuid')
  createdBy: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @ManyToOne(() => Testimony)
  @JoinColumn({ name: 'testimony_id', foreignKeyConstraintName: 'testimony_revisions_testimony_id_fkey' })
  testimony?: Testimony;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'testimony_revisions_created_by_fkey' })
  creator?: User;
}
