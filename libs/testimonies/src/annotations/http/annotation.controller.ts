import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor } from '@sillok/auth';
import { ParseIdPipe, Permission, RequirePermission, type Actor, Idempotent } from '@sillok/core';
import { CreateAnnotationDto, ListAnnotationsQuery, UpdateAnnotationDto } from './annotation.dto.js';
import { WithdrawDto } from '../../testimonies/http/testimony.dto.js';
import { AnnotationResponse } from '../annotation.responses.js';
import { AnnotationService } from '../annotation.service.js';
import { TestimonyIdParam } from '../../reference-params.js';

@ApiTags('testimonies')
@ApiBearerAuth()
@Controller('testimonies/:id/tags')
export class AnnotationController {
  constructor(private readonly annotations: AnnotationService) {}

  @Post()
  // Above @Idempotent (applied after it) so this one description of the 409 names both causes.
  @ApiConflictResponse({
    description:
      'a quote sent without start and end occurs more than once (`candidates` lists their offsets: send one back), ' +
      'or this Idempotency-Key was already used with another request body',
  })
  @Idempotent()
  @RequirePermission(Permission.TestimonyWrite)
  @ApiOperation({
    summary: 'Tag a passage (or the whole testimony), or mark a sensitive span',
    description: 'The passage is start, end and quote; or the quote alone, which the server finds in the text',
  })
  @ApiCreatedResponse({ type: AnnotationResponse })
  create(@CurrentActor() actor: Actor, @TestimonyIdParam() id: string, @Body() dto: CreateAnnotationDto) {
    return this.annotations.create(actor, id, dto);
  }

  @Get()
  @RequirePermission(Permission.TestimonyRead)
  @ApiOkResponse({ type: [AnnotationResponse] })
  list(@CurrentActor() actor: Actor, @TestimonyIdParam() id: string, @Query() query: ListAnnotationsQuery) {
    return this.annotations.list(actor, id, query);
  }

  @Patch(':tagId')
  @RequirePermission(Permission.TestimonyWrite)
  @ApiOperation({ summary: 'Change a tag (409 on a stale version); a new range re-anchors it' })
  @ApiOkResponse({ type: AnnotationResponse })
  update(
    @CurrentActor() actor: Actor,
    @TestimonyIdParam() id: string,
    @Param('tagId', ParseIdPipe) tagId: string,
    @Body() dto: UpdateAnnotationDto,
  ) {
    return this.annotations.update(actor, id, tagId, dto);
  }

  @Post(':tagId/withdraw')
  @RequirePermission(Permission.TestimonyWrite)
  @ApiCreatedResponse({ type: AnnotationResponse })
  withdraw(
    @CurrentActor() actor: Actor,
    @TestimonyIdParam() id: string,
    @Param('tagId', ParseIdPipe) tagId: string,
    @Body() dto: WithdrawDto,
  ) {
    return this.annotations.withdraw(actor, id, tagId, dto.reason);
  }
}
