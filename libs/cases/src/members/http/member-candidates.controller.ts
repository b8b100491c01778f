import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@sillok/auth';
import { Permission, RequirePermission, type Actor } from '@sillok/core';
import { CaseIdParam } from '../../case-id.param.js';
import { MemberCandidatesQueryDto } from './member-candidates-query.dto.js';
import { MemberCandidateResponse } from '../member-candidate.response.js';
import { MemberCandidatesService } from '../member-candidates.service.js';

/** The picker behind "add a colleague": searchable by the case's leads only. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id/member-candidates')
export class MemberCandidatesController {
  constructor(private readonly candidates: MemberCandidatesService) {}

  @Get()
  @RequirePermission(Permission.CaseManage)
  @ApiOperation({ summary: 'Active accounts, not yet members, whose name or email contains q (at most 20)' })
  @ApiOkResponse({ type: [MemberCandidateResponse] })
  list(@CurrentActor() actor: Actor, @CaseIdParam() id: string, @Query() query: MemberCandidatesQueryDto) {
    return this.candidates.find(actor, id, query.q);
  }
}
