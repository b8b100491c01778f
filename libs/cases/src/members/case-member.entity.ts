import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '@sillok/auth';
import { Case } from '../case.entity.js';
import type { CaseRole } from './case-role.js';

/** Membership of a case. Removal sets removedAt (the history stays); re-adding revives the row. */
@Entity('case_members')
@Index('case_members_user_id_idx', { synchronize: false })
@Check('case_members_case_role_check', `case_role IN ('lead', 'member', 'viewer')`)
export class CaseMember {
  @PrimaryColumn({ type: 'uuid' })
  caseId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => Case)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_members_case_id_fkey' })
  case?: Case;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'case_members_user_id_fkey' })
  user?: User;

  @Column({ type: 'text' })
  caseRole: CaseRole;

  @Column({ type: 'uuid' })
  addedBy: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'added_by', foreignKeyConstraintName: 'case_members_added_by_fkey' })
  adder?: User;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  removedAt: Date | null;
}
