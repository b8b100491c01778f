import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@sillok/auth';
import { PageQueryDto, ParseIdPipe, Permission, RequirePermission, type Actor } from '@sillok/core';
import { CaseMemberPageResponse, CaseMemberResponse } from '../../case.responses.js';
import { CaseMemberService } from '../case-member.service.js';
import { AddCaseMemberDto } from './add-case-member.dto.js';
import { CaseIdParam } from '../../case-id.param.js';
import { UpdateCaseMemberDto } from './update-case-member.dto.js';

/** Members of a case: visible to its members, managed by its leads. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id/members')
export class CaseMemberController {
  constructor(private readonly members: CaseMemberService) {}

  @Get()
  @RequirePermission(Permission.CaseRead)
  @ApiOkResponse({ type: CaseMemberPageResponse })
  list(@CurrentActor() actor: Actor, @CaseIdParam() id: string, @Query() query: PageQueryDto) {
    return this.members.list(actor, id, query);
  }

  @Post()
  @RequirePermission(Permission.CaseManage)
  @ApiOperation({ summary: 'Add a member with a case role (lead, member, viewer)' })
  @ApiCreatedResponse({ type: CaseMemberResponse })
  add(@CurrentActor() actor: Actor, @CaseIdParam() id: string, @Body() body: AddCaseMemberDto) {
    return this.members.add(actor, id, body);
  }

  @Get(':userId')
  @RequirePermission(Permission.CaseRead)
  @ApiOkResponse({ type: CaseMemberResponse })
  get(@CurrentActor() actor: Actor, @CaseIdParam() id: string, @Param('userId', ParseIdPipe) userId: string) {
    return this.members.get(actor, id, userId);
  }

  @Patch(':userId')
  @RequirePermission(Permission.CaseManage)
  @ApiOkResponse({ type: CaseMemberResponse })
  update(
    @CurrentActor() actor: Actor,
    @CaseIdParam() id: string,
    @Param('userId', ParseIdPipe) userId: string,
    @Body() body: UpdateCaseMemberDto,
  ) {
    return this.members.update(actor, id, userId, body.caseRole);
  }

  @Delete(':userId')
  @RequirePermission(Permission.CaseManage)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End a membership (recorded, not erased)' })
  async remove(
    @CurrentActor() actor: Actor,
    @CaseIdParam() id: string,
    @Param('userId', ParseIdPipe) userId: string,
  ): Promise<void> {
    await this.members.remove(actor, id, userId);
  }
}
