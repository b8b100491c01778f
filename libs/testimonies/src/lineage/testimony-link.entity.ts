import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@sillok/auth';
import { Case } from '@sillok/cases';
import { Testimony } from '../testimonies/testimony.entity.js';

export const LINK_ASSESSMENTS = ['not_assessed', 'consistent', 'partly_consistent', 'contradictory'] as const;
export type LinkAssessment = (typeof LINK_ASSESSMENTS)[number];

/** Two statements of the same witness, read side by side, with the reviewer's assessment. */
@Entity('testimony_links')
@Index('testimony_links_pair_key', { synchronize: false })
@Check(
  'testimony_links_assessment_check',
  `assessment IN ('not_assessed', 'consistent', 'partly_consistent', 'contradictory')`,
)
@Check('testimony_links_check', `from_testimony_id <> to_testimony_id`)
export class TestimonyLink {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  caseId: string;

  @Column('uuid')
  fromTestimonyId: string;

  @Column('uuid')
  toTestimonyId: string;

  @Column({ type: 'text', default: 'not_assessed' })
  assessment: LinkAssessment;

  @Column({ type: 'text', default: '' })
  notes: string;

  @Column('uuid')
  createdBy: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @ManyToOne(() => Case)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'testimony_links_case_id_fkey' })
  case?: Case;

  @ManyToOne(() => Testimony)
  @JoinColumn({ name: 'from_testimony_id', foreignKeyConstraintName: 'testimony_links_from_testimony_id_fkey' })
  fromTestimony?: Testimony;

  @ManyToOne(() => Testimony)
  @JoinColumn({ name: 'to_testimony_id', foreignKeyConstraintName: 'testimony_links_to_testimony_id_fkey' })
  toTestimony?: Testimony;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'testimony_links_created_by_fkey' })
  creator?: User;
}
