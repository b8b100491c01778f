import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const CONSENT_SCOPES = ['internal', 'un_mechanisms', 'courts', 'public_anonymised', 'public_named'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export const CONSENT_METHODS = ['written', 'oral', 'recorded'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** One version of a witness's consent, or of a testimony-specific limit (testimonyId set). Never changed. */
@Entity('consent_records')
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
}
