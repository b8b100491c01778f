import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@sillok/auth';
import { ParseIdPipe, ParsePositiveIntPipe, Permission, RequirePermission, type Actor, Idempotent } from '@sillok/core';
import {
  LinkResponse,
  RevisionDiffResponse,
  RevisionResponse,
  TestimonyPageResponse,
  TestimonyResponse,
} from '../../testimonies.responses.js';
import { CreateLinkDto, UpdateLinkDto } from './link.dto.js';
import { ListTestimoniesQuery } from './list-testimonies.query.js';
import { ChangeTestimonyStatusDto, CreateTestimonyDto, UpdateTestimonyDto, WithdrawDto } from './testimony.dto.js';
import { LineageService } from '../../lineage/lineage.service.js';
import { RevisionService } from '../../revisions/revision.service.js';
import { TestimonyService } from '../testimony.service.js';
import { TestimonyIdParam } from '../../reference-params.js';

@ApiTags('testimonies')
@ApiBearerAuth()
@Controller('testimonies')
export class TestimonyController {
  constructor(
    private readonly testimonies: TestimonyService,
    private readonly revisions: RevisionService,
    private readonly lineage: LineageService,
  ) {}

  @Post()
  @Idempotent()
  @RequirePermission(Permission.TestimonyWrite)
  @ApiOperation({ summary: 'Log a testimony of a witness (revision 1, status draft)' })
  @ApiCreatedResponse({ type: TestimonyResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTestimonyDto) {
    return this.testimonies.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.TestimonyRead)
  @ApiOkResponse({ type: TestimonyPageResponse })
  list(@CurrentActor() actor: Actor, @Query() query: ListTestimoniesQuery) {
    return this.testimonies.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.TestimonyRead)
  @ApiOkResponse({ type: TestimonyResponse })
  get(@CurrentActor() actor: Actor, @TestimonyIdParam() id: string) {
    return this.testimonies.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.TestimonyWrite)
  @ApiOperation({ summary: 'Change a testimony; content changes make a new revision (409 on a stale version)' })
  @ApiOkResponse({ type: TestimonyResponse })
  update(@CurrentActor() actor: Actor, @TestimonyIdParam() id: string, @Body() dto: UpdateTestimonyDto) {
    return this.testimonies.update(actor, id, dto);
  }

  @Post(':id/status')
  @RequirePermission(Permission.TestimonyWrite)
  @ApiOperation({ summary: 'submit for review, return to draft, or approve (the last two need testimony.approve)' })
  @ApiCreatedResponse({ type: TestimonyResponse })
  changeStatus(@CurrentActor() actor: Actor, @TestimonyIdParam() id: string, @Body() dto: ChangeTestimonyStatusDto) {
    return this.testimonies.changeStatus(actor, id, dto);
  }

  @Post(':id/withdraw')
  @RequirePermission(Permission.TestimonyWrite)
  @ApiCreatedResponse({ type: TestimonyResponse })
  withdraw(@CurrentActor() actor: Actor, @TestimonyIdParam() id: string, @Body() dto: WithdrawDto) {
    return this.testimonies.withdraw(actor, id, dto.reason);
  }

  @Get(':id/revisions')
  @RequirePermission(Permission.TestimonyRead)
  @ApiOkResponse({ type: [RevisionResponse] })
  revisionList(@CurrentActor() actor: Actor, @TestimonyIdParam() id: string) {
    return this.revisions.list(actor, id);
  }

  @Get(':id/revisions/diff')
  @RequirePermission(Permission.TestimonyRead)
  @ApiOperation({ summary: 'What changed between two revisions (line diff of each text field)' })
  @ApiOkResponse({ type: RevisionDiffResponse })
  revisionDiff(
    @CurrentActor() actor: Actor,
    @TestimonyIdParam() id: string,
    @Query('from', ParsePositiveIntPipe) from: number,
    @Query('to', ParsePositiveIntPipe) to: number,
  ) {
    return this.revisions.diff(actor, id, from, to);
  }

  @Get(':id/revisions/:revision')
  @RequirePermission(Permission.TestimonyRead)
  @ApiOkResponse({ type: RevisionResponse })
  revision(
    @CurrentActor() actor: Actor,
    @TestimonyIdParam() id: string,
    @Param('revision', ParsePositiveIntPipe) revision: number,
  ) {
    return this.revisions.get(actor, id, revision);
  }

  @Post(':id/links')
  @RequirePermission(Permission.TestimonyWrite)
  @ApiOperation({ summary: 'Link another statement of the same witness, with an assessment of consistency' })
  @ApiCreatedResponse({ type: LinkResponse })
  link(@CurrentActor() actor: Actor, @TestimonyIdParam() id: string, @Body() dto: CreateLinkDto) {
    return this.lineage.link(actor, id, dto);
  }

  @Get(':id/links')
  @RequirePermission(Permission.TestimonyRead)
  @ApiOkResponse({ type: [LinkResponse] })
  links(@CurrentActor() actor: Actor, @TestimonyIdParam() id: string) {
    return this.lineage.list(actor, id);
  }

  @Patch(':id/links/:linkId')
  @RequirePermission(Permission.TestimonyWrite)
  @ApiOkResponse({ type: LinkResponse })
  updateLink(
    @CurrentActor() actor: Actor,
    @TestimonyIdParam() id: string,
    @Param('linkId', ParseIdPipe) linkId: string,
    @Body() dto: UpdateLinkDto,
  ) {
    return this.lineage.update(actor, id, linkId, dto);
  }
}
