import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TestimonyContent } from './testimony-content.js';

/** One content state of a testimony; never changed (a trigger refuses it). */
@Entity('testimony_revisions')
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
}
