import { ApiProperty } from '@nestjs/swagger';
import { PageResponseOf } from '@sillok/core';
import { CaseStatus } from './case-status.js';
import { CaseRole } from './members/case-role.js';

// The case responses, declared once: each class is the OpenAPI description and
// the type the services (and their mappers) return as plain objects; there is no other declaration.

export class CaseResponse {
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

export class CaseMemberResponse {
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
