import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '@sillok/auth';
import { Witness } from '../witnesses/witness.entity.js';

/** One sealed identity record per witness: ciphertext only. */
@Entity('witness_identities')
@Index('witness_identities_key_idx', { synchronize: false })
@Check('witness_identities_nonce_check', `length(nonce) = 12`)
export class WitnessIdentityRecord {
  @PrimaryColumn('uuid')
  witnessId: string;

  @Column('text')
  keyId: string;

  @Column('bytea')
  nonce: Buffer;

  @Column('bytea')
  ciphertext: Buffer;

  @Column('uuid')
  updatedBy: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @ManyToOne(() => Witness)
  @JoinColumn({ name: 'witness_id', foreignKeyConstraintName: 'witness_identities_witness_id_fkey' })
  witness?: Witness;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'witness_identities_updated_by_fkey' })
  updater?: User;
}
