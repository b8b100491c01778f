import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@sillok/auth';
import { Case } from '@sillok/cases';
import { Incident } from '../incidents/incident.entity.js';

export const INCIDENT_RELATIONS = ['part_of', 'follows', 'same_event'] as const;
export type IncidentRelation = (typeof INCIDENT_RELATIONS)[number];

/** `from` is part of / follows / is the same event as `to`. Removal keeps the row. */
@Entity('incident_links')
@Index('incident_links_active_key', { synchronize: false })
@Index('incident_links_to_idx', { synchronize: false })
@Check('incident_links_relation_check', `relation IN ('part_of', 'follows', 'same_event')`)
@Check('incident_links_self_check', `from_incident_id <> to_incident_id`)
export class IncidentLink {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  caseId: string;

  @Column('uuid')
  fromIncidentId: string;

  @Column('uuid')
  toIncidentId: string;

  @Column('text')
  relation: IncidentRelation;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column('uuid')
  createdBy: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  removedBy: string | null;

  @ManyToOne(() => Case)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'incident_links_case_id_fkey' })
  case?: Case;

  @ManyToOne(() => Incident)
  @JoinColumn({ name: 'from_incident_id', foreignKeyConstraintName: 'incident_links_from_incident_id_fkey' })
  from?: Incident;

  @ManyToOne(() => Incident)
  @JoinColumn({ name: 'to_incident_id', foreignKeyConstraintName: 'incident_links_to_incident_id_fkey' })
  to?: Incident;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'incident_links_created_by_fkey' })
  creator?: User;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'removed_by', foreignKeyConstraintName: 'incident_links_removed_by_fkey' })
  remover?: User;
}
