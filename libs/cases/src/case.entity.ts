import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@sillok/auth';
import type { CaseStatus } from './case-status.js';

/** The need-to-know boundary: every testimony, witness, incident, attachment and export belongs to one. */
@Entity('cases')
@Index('cases_reference_key', { synchronize: false })
@Check('cases_reference_check', `reference ~ '^CASE-[0-9]{4}-[0-9]{4,}$'`)
@Check('cases_status_check', `status IN ('open', 'closed', 'archived')`)
export class Case {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** CASE-<year>-<nnnn>, numbered per year (case-reference.ts). */
  @Column({ type: 'text' })
  reference: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', default: 'open' })
  status: CaseStatus;

  @Column({ type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'cases_created_by_fkey' })
  creator?: User;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
