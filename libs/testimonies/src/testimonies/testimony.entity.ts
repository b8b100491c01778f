import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WithdrawableRecord } from '@sillok/database';
import { User } from '@sillok/auth';
import { Case } from '@sillok/cases';
import { Witness } from '../witnesses/witness.entity.js';

export const FORUMS = ['confidential_interview', 'public_hearing', 'written_submission', 'other'] as const;
export type Forum = (typeof FORUMS)[number];
export const TESTIMONY_STATUSES = ['draft', 'under_review', 'approved'] as const;
export type TestimonyStatus = (typeof TESTIMONY_STATUSES)[number];

@Entity('testimonies')
@Index('testimonies_external_id_key', { synchronize: false })
@Index('testimonies_reference_key', { synchronize: false })
@Index('testimonies_case_idx', { synchronize: false })
@Index('testimonies_witness_idx', { synchronize: false })
@Check('testimonies_reference_check', `reference ~ '^T-[0-9]{6,}$'`)
@Check(
  'testimonies_forum_check',
  `forum IN ('confidential_interview', 'public_hearing', 'written_submission', 'other')`,
)
@Check('testimonies_interview_country_check', `interview_country ~ '^[A-Z]{2}$'`)
@Check('testimonies_status_check', `status IN ('draft', 'under_review', 'approved')`)
export class Testimony extends WithdrawableRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  reference: string;

  @Column('uuid')
  caseId: string;

  @Column('uuid')
  witnessId: string;

  @Column('text')
  forum: Forum;

  @Column({ type: 'date', nullable: true })
  interviewDate: string | null;

  @Column({ type: 'text', nullable: true })
  interviewCity: string | null;

  @Column({ type: 'text', nullable: true })
  interviewCountry: string | null;

  @Column({ type: 'uuid', array: true, default: '{}' })
  interviewerIds: string[];

  @Column('text')
  originalLanguage: string;

  @Column({ type: 'boolean', default: false })
  interpreterUsed: boolean;

  @Column({ type: 'text', nullable: true })
  interpreterLanguages: string | null;

  @Column('text')
  title: string;

  @Column({ type: 'text', default: '' })
  summary: string;

  @Column({ type: 'text', default: '' })
  narrative: string;

  @Column({ type: 'text', default: 'draft' })
  status: TestimonyStatus;

  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Column({ type: 'uuid', nullable: true })
  approvedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @ManyToOne(() => Case)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'testimonies_case_id_fkey' })
  case?: Case;

  @ManyToOne(() => Witness)
  @JoinColumn({ name: 'witness_id', foreignKeyConstraintName: 'testimonies_witness_id_fkey' })
  witness?: Witness;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'approved_by', foreignKeyConstraintName: 'testimonies_approved_by_fkey' })
  approver?: User;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'withdrawn_by', foreignKeyConstraintName: 'testimonies_withdrawn_by_fkey' })
  withdrawer?: User;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'testimonies_created_by_fkey' })
  creator?: User;
}
