import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Session } from './session.entity.js';

/**
 * Every refresh token a session was given, stored as its SHA-256 (the tokens are 256-bit
 * random, so a fast hash suffices). Spent ones stay: presenting one again is reuse.
 */
@Entity('auth_refresh_tokens')
@Index('auth_refresh_tokens_token_hash_key', { synchronize: false })
@Index('auth_refresh_tokens_session_id_idx', { synchronize: false })
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => Session)
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'auth_refresh_tokens_session_id_fkey' })
  session?: Session;

  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  spentAt: Date | null;
}
