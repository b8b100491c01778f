import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, RequirePermission } from '@sillok/core';
import { AuditReadService } from '../audit-read.service.js';
import { AuditEventPageResponse, AuditVerificationResponse, LatestAuditCheckpointResponse } from './audit.responses.js';
import { ListAuditEventsQuery } from './list-audit-events.query.js';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditReadService) {}

  @Get()
  @RequirePermission(Permission.AuditRead)
  @ApiOperation({ summary: 'Audit events, newest first, filtered; coordinators see only their cases' })
  @ApiOkResponse({ type: AuditEventPageResponse })
  list(@Query() query: ListAuditEventsQuery) {
    return this.audit.list(query);
  }

  @Get('verify')
  @RequirePermission(Permission.AuditVerify)
  @ApiOperation({ summary: 'Recompute the hash chain: OK with count and head hash, or the first broken seq and why' })
  @ApiOkResponse({ type: AuditVerificationResponse })
  verify() {
    return this.audit.verify();
  }

  @Get('checkpoints/latest')
  @RequirePermission(Permission.AuditVerify)
  @ApiOperation({
    summary: 'The latest signed checkpoint recorded in the chain (sillok audit:checkpoint), or null before the first',
    description:
      'Reads the recorded checkpoint and checks that the chain still holds the hash it signed; signs nothing.',
  })
  @ApiOkResponse({ type: LatestAuditCheckpointResponse })
  latestCheckpoint() {
    return this.audit.latestCheckpoint();
  }
}
