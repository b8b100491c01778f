import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@sillok/auth';
import { Permission, RequirePermission, type Actor, Idempotent } from '@sillok/core';
import { CaseIdParam } from '../case-id.param.js';
import { CasePageResponse, CaseResponse } from '../case.responses.js';
import { CaseService } from '../case.service.js';
import { CreateCaseDto } from './create-case.dto.js';
import { ListCasesQueryDto } from './list-cases.query.js';
import { UpdateCaseDto } from './update-case.dto.js';

/** Cases. A case the caller is not a member of answers 404, exactly like one that does not exist. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseController {
  constructor(private readonly cases: CaseService) {}

  @Post()
  @Idempotent()
  @RequirePermission(Permission.CaseCreate)
  @ApiOperation({ summary: 'Open a case (the creator becomes its lead); the reference is generated' })
  @ApiCreatedResponse({ type: CaseResponse })
  create(@CurrentActor() actor: Actor, @Body() body: CreateCaseDto) {
    return this.cases.create(actor, body);
  }

  @Get()
  @RequirePermission(Permission.CaseRead)
  @ApiOperation({ summary: 'The cases I am a member of' })
  @ApiOkResponse({ type: CasePageResponse })
  list(@CurrentActor() actor: Actor, @Query() query: ListCasesQueryDto) {
    return this.cases.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.CaseRead)
  @ApiOkResponse({ type: CaseResponse })
  get(@CurrentActor() actor: Actor, @CaseIdParam() id: string) {
    return this.cases.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.CaseManage)
  @ApiOperation({ summary: 'Change title, description or status (case leads)' })
  @ApiOkResponse({ type: CaseResponse })
  update(@CurrentActor() actor: Actor, @CaseIdParam() id: string, @Body() body: UpdateCaseDto) {
    return this.cases.update(actor, id, body);
  }
}
