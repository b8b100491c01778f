import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@sillok/auth';
import { Witness } from '../witnesses/witness.entity.js';
import { Testimony } from '../testimonies/testimony.entity.js';

export const CONSENT_SCOPES = ['internal', 'un_mechanisms', 'courts', 'public_anonymised', 'public_named'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export const CONSENT_METHODS = ['written', 'oral', 'recorded'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** One version of a witness's consent, or of a testimony-specific limit (testimonyId set). Never changed. */
@Entity('consent_records')
@Index('consent_records_version_key', { synchronize: false })
@Check(
  'consent_records_scopes_check',
  `scopes <@ ARRAY['internal', 'un_mechanisms', 'courts', 'public_anonymised', 'public_named']::text[]`,
)
@Check('consent_records_method_check', `method IN ('written', 'oral', 'recorded')`)
export class ConsentRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  witnessId: string;

  @Column({ type: 'uuid', nullable: true })
  testimonyId: string | null;

  @Column('integer')
  version: number;

  @Column({ type: 'text', array: true })
  scopes: ConsentScope[];

  @Column('text')
  method: ConsentMethod;

  @Column({ type: 'text', default: '' })
  conditions: string;

  @Column({ type: 'boolean', default: false })
  isWithdrawal: boolean;

  @Column('uuid')
  takenBy: string;

  @Column('timestamptz')
  takenAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;

  @ManyToOne(() => Witness)
  @JoinColumn({ name: 'witness_id', foreignKeyConstraintName: 'consent_records_witness_id_fkey' })
  witness?: Witness;

  @ManyToOne(() => Testimony)
  @JoinColumn({ name: 'testimony_id', foreignKeyConstraintName: 'consent_records_testimony_id_fkey' })
  testimony?: Testimony;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'taken_by', foreignKeyConstraintName: 'consent_records_taken_by_fkey' })
  taker?: User;
}
