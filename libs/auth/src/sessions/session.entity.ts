import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity.js';

/** One login on one device. Access tokens name it; revoking it ends them on the next request. */
@Entity('auth_sessions')
@Index('auth_sessions_user_id_idx', { synchronize: false })
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'auth_sessions_user_id_fkey' })
  user?: User;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastUsedAt: Date;

  /** The refresh token's life ends here; each rotation moves it forward. */
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** logout, revoked, refresh_reuse, user_disabled, role_changed, password_changed, password_reset */
  @Column({ type: 'text', nullable: true })
  revokedReason: string | null;

  /** Whether the second factor was checked when this session began. */
  @Column({ type: 'boolean', default: false })
  mfaVerified: boolean;

  @Column({ type: 'text', nullable: true })
  userAgent: string | null;

  @Column({ type: 'text', nullable: true })
  clientAddress: string | null;
}
