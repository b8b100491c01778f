import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One sealed identity record per witness: ciphertext only. */
@Entity('witness_identities')
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
}
