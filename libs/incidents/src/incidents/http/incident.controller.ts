import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@sillok/auth';
import { ParseIdPipe, Permission, RequirePermission, type Actor, Idempotent } from '@sillok/core';
import { CreateIncidentDto, ListIncidentsQuery, ReasonDto, UpdateIncidentDto } from './incident.dto.js';
import { AddLinkDto, AddSourceDto, UpdateSourceDto } from './source.dto.js';
import { IncidentPageResponse, IncidentResponse, IncidentSourceResponse } from '../../incidents.responses.js';
import { IncidentLinkService } from '../../links/incident-link.service.js';
import { IncidentSourceService } from '../../sources/incident-source.service.js';
import { IncidentService } from '../incident.service.js';
import { IncidentIdParam } from '../../reference-params.js';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentController {
  constructor(
    private readonly incidents: IncidentService,
    private readonly sources: IncidentSourceService,
    private readonly links: IncidentLinkService,
  ) {}

  @Post()
  @Idempotent()
  @RequirePermission(Permission.IncidentWrite)
  @ApiOperation({ summary: 'Record an incident in a case' })
  @ApiCreatedResponse({ type: IncidentResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateIncidentDto) {
    return this.incidents.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.IncidentRead)
  @ApiOperation({ summary: 'Incidents by term (with descendants), facility name or alias, agency, date overlap, case' })
  @ApiOkResponse({ type: IncidentPageResponse })
  list(@CurrentActor() actor: Actor, @Query() query: ListIncidentsQuery) {
    return this.incidents.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.IncidentRead)
  @ApiOkResponse({ type: IncidentResponse })
  get(@CurrentActor() actor: Actor, @IncidentIdParam() id: string) {
    return this.incidents.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.IncidentWrite)
  @ApiOperation({ summary: 'Change an incident (409 on a stale version)' })
  @ApiOkResponse({ type: IncidentResponse })
  update(@CurrentActor() actor: Actor, @IncidentIdParam() id: string, @Body() dto: UpdateIncidentDto) {
    return this.incidents.update(actor, id, dto);
  }

  @Post(':id/withdraw')
  @RequirePermission(Permission.IncidentWrite)
  @ApiCreatedResponse({ type: IncidentResponse })
  withdraw(@CurrentActor() actor: Actor, @IncidentIdParam() id: string, @Body() dto: ReasonDto) {
    return this.incidents.withdraw(actor, id, dto.reason);
  }

  @Get(':id/sources')
  @RequirePermission(Permission.IncidentRead)
  @ApiOkResponse({ type: [IncidentSourceResponse] })
  sourceList(@CurrentActor() actor: Actor, @IncidentIdParam() id: string) {
    return this.sources.list(actor, id);
  }

  @Post(':id/sources')
  @RequirePermission(Permission.IncidentWrite)
  @ApiOperation({ summary: 'Link a testimony (optionally one of its tags) of the same case as a source' })
  @ApiCreatedResponse({ type: IncidentResponse })
  addSource(@CurrentActor() actor: Actor, @IncidentIdParam() id: string, @Body() dto: AddSourceDto) {
    return this.sources.add(actor, id, dto);
  }

  @Patch(':id/sources/:sourceId')
  @RequirePermission(Permission.IncidentWrite)
  @ApiOperation({ summary: 'Change the source connection, reliability or note of a source' })
  @ApiOkResponse({ type: IncidentResponse })
  updateSource(
    @CurrentActor() actor: Actor,
    @IncidentIdParam() id: string,
    @Param('sourceId', ParseIdPipe) sourceId: string,
    @Body() dto: UpdateSourceDto,
  ) {
    return this.sources.update(actor, id, sourceId, dto);
  }

  @Post(':id/sources/:sourceId/remove')
  @RequirePermission(Permission.IncidentWrite)
  @ApiCreatedResponse({ type: IncidentResponse })
  removeSource(
    @CurrentActor() actor: Actor,
    @IncidentIdParam() id: string,
    @Param('sourceId', ParseIdPipe) sourceId: string,
    @Body() dto: ReasonDto,
  ) {
    return this.sources.remove(actor, id, sourceId, dto.reason);
  }

  @Post(':id/links')
  @RequirePermission(Permission.IncidentWrite)
  @ApiOperation({ summary: 'This incident is part_of / follows / same_event as another of the same case' })
  @ApiCreatedResponse({ type: IncidentResponse })
  addLink(@CurrentActor() actor: Actor, @IncidentIdParam() id: string, @Body() dto: AddLinkDto) {
    return this.links.add(actor, id, dto);
  }

  @Post(':id/links/:linkId/remove')
  @RequirePermission(Permission.IncidentWrite)
  @ApiCreatedResponse({ type: IncidentResponse })
  removeLink(
    @CurrentActor() actor: Actor,
    @IncidentIdParam() id: string,
    @Param('linkId', ParseIdPipe) linkId: string,
    @Body() dto: ReasonDto,
  ) {
    return this.links.remove(actor, id, linkId, dto.reason);
  }
}
