import { ApiProperty } from '@nestjs/swagger';
import { PageResponseOf } from '@sillok/core';
import { CaseStatus } from './case-status.js';
import type { CaseView } from './case.view.js';
import { CaseRole } from './members/case-role.js';
import type { CaseMemberView } from './members/case-member.view.js';

// OpenAPI descriptions of the case responses; the services return plain objects of these shapes.

export class CaseResponse implements CaseView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'CASE-2026-0001' })
  reference: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ enum: CaseStatus })
  status: string;

  @ApiProperty({ format: 'uuid' })
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ enum: CaseRole, description: "the caller's role in this case" })
  myCaseRole: CaseRole;
}

export class CasePageResponse extends PageResponseOf(CaseResponse) {}

export class CaseMemberResponse implements CaseMemberView {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ description: 'the global role' })
  role: string;

  @ApiProperty({ enum: CaseRole })
  caseRole: CaseRole;

  @ApiProperty({ format: 'uuid' })
  addedBy: string;

  @ApiProperty({ format: 'date-time' })
  addedAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class CaseMemberPageResponse extends PageResponseOf(CaseMemberResponse) {}
