import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const FORUMS = ['confidential_interview', 'public_hearing', 'written_submission', 'other'] as const;
export type Forum = (typeof FORUMS)[number];
export const TESTIMONY_STATUSES = ['draft', 'under_review', 'approved'] as const;
export type TestimonyStatus = (typeof TESTIMONY_STATUSES)[number];

@Entity('testimonies')
export class Testimony {
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

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: 'text', nullable: true })
  withdrawnReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  withdrawnBy: string | null;

  @Column('uuid')
  createdBy: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
