import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity.js';

/** A single-use second-factor recovery code, stored as its SHA-256. */
@Entity('auth_recovery_codes')
@Index('auth_recovery_codes_user_id_idx', { synchronize: false })
export class RecoveryCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'auth_recovery_codes_user_id_fkey' })
  user?: User;

  @Column({ type: 'text' })
  codeHash: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
