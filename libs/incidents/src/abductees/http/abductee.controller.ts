import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@sillok/auth';
import { Permission, RequirePermission, type Actor, Idempotent } from '@sillok/core';
import { CreateAbducteeDto, ListAbducteesQuery, UpdateAbducteeDto } from './abductee.dto.js';
import { ReasonDto } from '../../incidents/http/incident.dto.js';
import { AbducteeNameResponse, AbducteePageResponse, AbducteeResponse } from '../abductee.responses.js';
import { AbducteeService } from '../abductee.service.js';
import { AbducteeIdParam } from '../../reference-params.js';

@ApiTags('abductees')
@ApiBearerAuth()
@Controller('abductees')
export class AbducteeController {
  constructor(private readonly abductees: AbducteeService) {}

  @Post()
  @Idempotent()
  @RequirePermission(Permission.IncidentWrite)
  @ApiOperation({ summary: 'Register an abducted or disappeared person (name sealed when relatives are at risk)' })
  @ApiCreatedResponse({ type: AbducteeResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAbducteeDto) {
    return this.abductees.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.IncidentRead)
  @ApiOkResponse({ type: AbducteePageResponse })
  list(@CurrentActor() actor: Actor, @Query() query: ListAbducteesQuery) {
    return this.abductees.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.IncidentRead)
  @ApiOkResponse({ type: AbducteeResponse })
  get(@CurrentActor() actor: Actor, @AbducteeIdParam() id: string) {
    return this.abductees.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.IncidentWrite)
  @ApiOkResponse({ type: AbducteeResponse })
  update(@CurrentActor() actor: Actor, @AbducteeIdParam() id: string, @Body() dto: UpdateAbducteeDto) {
    return this.abductees.update(actor, id, dto);
  }

  @Post(':id/withdraw')
  @RequirePermission(Permission.IncidentWrite)
  @ApiCreatedResponse({ type: AbducteeResponse })
  withdraw(@CurrentActor() actor: Actor, @AbducteeIdParam() id: string, @Body() dto: ReasonDto) {
    return this.abductees.withdraw(actor, id, dto.reason);
  }

  @Post(':id/name/read')
  @RequirePermission(Permission.WitnessIdentityRead)
  @ApiOperation({ summary: 'Open the name, stating why; each read is audited' })
  @ApiCreatedResponse({ type: AbducteeNameResponse })
  readName(@CurrentActor() actor: Actor, @AbducteeIdParam() id: string, @Body() dto: ReasonDto) {
    return this.abductees.readName(actor, id, dto.reason);
  }
}
