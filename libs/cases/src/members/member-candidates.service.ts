import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserStatus } from '@sillok/auth';
import { Permission, type Actor } from '@sillok/core';
import { CaseAccessPolicy } from '../access/case-access.policy.js';
import type { MemberCandidateResponse } from './member-candidate.response.js';

const MOST_CANDIDATES = 20;

/**
 * Colleagues a lead can add: active accounts, not already (current) members, whose name or
 * email contains the query. Only leads of the case ask (case.manage), so account names are not
 * listed to anyone who could not add them anyway. Same users-table join as the member list.
 */
@Injectable()
export class MemberCandidatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: CaseAccessPolicy,
  ) {}

  async find(actor: Actor, caseId: string, query: string): Promise<MemberCandidateResponse[]> {
    await this.policy.requireCaseAccess(actor, caseId, Permission.CaseManage);
    const pattern = `%${escapeLike(query.trim())}%`;
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName", u.email, u.role
         FROM users u
        WHERE u.status = $1
          AND (u.display_name ILIKE $2 OR u.email ILIKE $2)
          AND NOT EXISTS (SELECT 1 FROM case_members m
                           WHERE m.case_id = $3 AND m.user_id = u.id AND m.removed_at IS NULL)
        ORDER BY u.display_name, u.email
        LIMIT ${MOST_CANDIDATES}`,
      [UserStatus.Active, pattern, caseId],
    );
  }
}

/** `%`, `_` and `\` in what the user typed match themselves, not any character. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
