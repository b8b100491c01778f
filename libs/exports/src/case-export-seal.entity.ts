import { Check, Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { CaseExport } from './case-export.entity.js';

/**
 * How the stored bag of an export with witness identities is encrypted: the bag's own key,
 * sealed by the identity vault key (owner: the export id), and the bag's nonce and tag. The
 * copy may be downloaded until `expiresAt`; purging erases `sealedKey`.
 */
@Entity('case_export_seals')
@Index('case_export_seals_expiry_idx', { synchronize: false })
@Check('case_export_seals_purge_check', `(purged_at IS NULL) = (sealed_key IS NOT NULL)`)
export class CaseExportSeal {
  @PrimaryColumn('uuid')
  exportId: string;

  @Column('text')
  keyId: string;

  @Column('bytea')
  keyNonce: Buffer;

  @Column({ type: 'bytea', nullable: true })
  sealedKey: Buffer | null;

  @Column('bytea')
  bagIv: Buffer;

  @Column('bytea')
  bagAuthTag: Buffer;

  /** Whose identities the bag holds: each download records a read of each. */
  @Column({ type: 'uuid', array: true })
  witnessIds: string[];

  @Column('timestamptz')
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  purgedAt: Date | null;

  @OneToOne(() => CaseExport)
  @JoinColumn({ name: 'export_id', foreignKeyConstraintName: 'case_export_seals_export_id_fkey' })
  export?: CaseExport;
}
