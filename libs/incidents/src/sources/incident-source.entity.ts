import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@sillok/auth';
import { Case } from '@sillok/cases';
import { TaxonomyTermEntity } from '@sillok/taxonomy';
import { Testimony, TestimonyAnnotation } from '@sillok/testimonies';
import { Incident } from '../incidents/incident.entity.js';

/** A testimony (optionally one of its tags) that speaks of an incident. Removal keeps the row. */
@Entity('incident_sources')
@Index('incident_sources_incident_idx', { synchronize: false })
@Index('incident_sources_testimony_idx', { synchronize: false })
export class IncidentSource {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  caseId: string;

  @Column('uuid')
  incidentId: string;

  @Column('uuid')
  testimonyId: string;

  @Column({ type: 'uuid', nullable: true })
  annotationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  sourceConnectionTermId: string | null;

  @Column({ type: 'uuid', nullable: true })
  reliabilityTermId: string | null;

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
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'incident_sources_case_id_fkey' })
  case?: Case;

  @ManyToOne(() => Incident)
  @JoinColumn({ name: 'incident_id', foreignKeyConstraintName: 'incident_sources_incident_id_fkey' })
  incident?: Incident;

  @ManyToOne(() => Testimony)
  @JoinColumn({ name: 'testimony_id', foreignKeyConstraintName: 'incident_sources_testimony_id_fkey' })
  testimony?: Testimony;

  @ManyToOne(() => TestimonyAnnotation)
  @JoinColumn({ name: 'annotation_id', foreignKeyConstraintName: 'incident_sources_annotation_id_fkey' })
  annotation?: TestimonyAnnotation;

  @ManyToOne(() => TaxonomyTermEntity)
  @JoinColumn({
    name: 'source_connection_term_id',
    foreignKeyConstraintName: 'incident_sources_source_connection_term_id_fkey',
  })
  sourceConnectionTerm?: TaxonomyTermEntity;

  @ManyToOne(() => TaxonomyTermEntity)
  @JoinColumn({ name: 'reliability_term_id', foreignKeyConstraintName: 'incident_sources_reliability_term_id_fkey' })
  reliabilityTerm?: TaxonomyTermEntity;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'incident_sources_created_by_fkey' })
  creator?: User;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'removed_by', foreignKeyConstraintName: 'incident_sources_removed_by_fkey' })
  remover?: User;
}
