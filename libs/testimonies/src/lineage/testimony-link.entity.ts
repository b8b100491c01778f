import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const LINK_ASSESSMENTS = ['not_assessed', 'consistent', 'partly_consistent', 'contradictory'] as const;
export type LinkAssessment = (typeof LINK_ASSESSMENTS)[number];

/** Two statements of the same witness, read side by side, with the reviewer's assessment. */
@Entity('testimony_links')
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
}
