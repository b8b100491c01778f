import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsTimestamp } from '@sillok/core';
import { AuditAction } from '../audit-action.js';
import type { AuditEventFilter } from '../audit-event.filter.js';
import { AUDIT_PAGE_MAX } from '../audit-read.service.js';

/** Query of GET /audit. Pagination: `limit` and the opaque `cursor` from the previous page's `nextCursor`. */
export class ListAuditEventsQuery implements AuditEventFilter {
  @ApiPropertyOptional({ format: 'uuid', description: 'events of this case' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ example: 'testimony' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  subjectType?: string;

  @ApiPropertyOptional({ description: 'with or without subjectType' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subjectId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'events done by this user' })
  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  @ApiPropertyOptional({ enum: AuditAction, enumName: 'AuditAction' })
  @IsOptional()
  @IsEnum(AuditAction)
  action?: AuditAction;

  @ApiPropertyOptional({ format: 'date-time', description: 'ISO 8601; events at or after this time' })
  @IsOptional()
  @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'ISO 8601; events before this time' })
  @IsOptional()
  @IsTimestamp()
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: AUDIT_PAGE_MAX, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (older events follow)' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,15}$/, { message: 'must be a nextCursor value' })
  cursor?: string;
}
