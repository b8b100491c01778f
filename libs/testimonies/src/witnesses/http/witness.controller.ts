import { Body, Controller, Get, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@sillok/auth';
import { Permission, RequirePermission, type Actor, Idempotent } from '@sillok/core';
import {
  ConsentLedgerResponse,
  IdentityVersionResponse,
  WitnessIdentityResponse,
  WitnessPageResponse,
  WitnessResponse,
} from '../../testimonies.responses.js';
import { ConsentService } from '../../consent/consent.service.js';
import { RecordConsentDto } from './consent.dto.js';
import { IdentityReadReasonDto, PutWitnessIdentityDto } from './identity.dto.js';
import { ListWitnessesQuery } from '../../testimonies/http/list-testimonies.query.js';
import { WithdrawDto } from '../../testimonies/http/testimony.dto.js';
import { CreateWitnessDto, UpdateWitnessDto } from './witness.dto.js';
import { IdentityVaultService } from '../../identity-vault/identity-vault.service.js';
import { WitnessService } from '../witness.service.js';
import { WitnessIdParam } from '../../reference-params.js';

@ApiTags('witnesses')
@ApiBearerAuth()
@Controller('witnesses')
export class WitnessController {
  constructor(
    private readonly witnesses: WitnessService,
    private readonly vault: IdentityVaultService,
    private readonly consent: ConsentService,
  ) {}

  @Post()
  @Idempotent()
  @RequirePermission(Permission.WitnessWrite)
  @ApiOperation({ summary: 'Register a witness under a new pseudonym' })
  @ApiCreatedResponse({ type: WitnessResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateWitnessDto) {
    return this.witnesses.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.WitnessRead)
  @ApiOperation({ summary: 'Witnesses of the cases the caller is a member of (pseudonyms only)' })
  @ApiOkResponse({ type: WitnessPageResponse })
  list(@CurrentActor() actor: Actor, @Query() query: ListWitnessesQuery) {
    return this.witnesses.list(actor, query);
  }

  @Get(':id')
  @RequirePermission(Permission.WitnessRead)
  @ApiOkResponse({ type: WitnessResponse })
  get(@CurrentActor() actor: Actor, @WitnessIdParam() id: string) {
    return this.witnesses.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.WitnessWrite)
  @ApiOkResponse({ type: WitnessResponse })
  update(@CurrentActor() actor: Actor, @WitnessIdParam() id: string, @Body() dto: UpdateWitnessDto) {
    return this.witnesses.update(actor, id, dto);
  }

  @Post(':id/withdraw')
  @RequirePermission(Permission.WitnessWrite)
  @ApiOperation({ summary: 'Withdraw a witness (and so their testimonies) from lists, searches and later exports' })
  @ApiCreatedResponse({ type: WitnessResponse })
  withdraw(@CurrentActor() actor: Actor, @WitnessIdParam() id: string, @Body() dto: WithdrawDto) {
    return this.witnesses.withdraw(actor, id, dto.reason);
  }

  @Put(':id/identity')
  @RequirePermission(Permission.WitnessIdentityWrite)
  @ApiOperation({ summary: 'Record or replace the encrypted identity of a witness' })
  @ApiOkResponse({ type: IdentityVersionResponse })
  putIdentity(@CurrentActor() actor: Actor, @WitnessIdParam() id: string, @Body() dto: PutWitnessIdentityDto) {
    return this.vault.put(actor, id, dto);
  }

  @Post(':id/identity/read')
  @RequirePermission(Permission.WitnessIdentityRead)
  @ApiOperation({ summary: 'Decrypt the identity of a witness, stating why; every read is audited' })
  @ApiCreatedResponse({ type: WitnessIdentityResponse })
  readIdentity(@CurrentActor() actor: Actor, @WitnessIdParam() id: string, @Body() dto: IdentityReadReasonDto) {
    return this.vault.read(actor, id, dto.reason);
  }

  @Post(':id/consents')
  @RequirePermission(Permission.ConsentWrite)
  @ApiOperation({ summary: 'Add a version to the consent ledger (a withdrawal is a version with fewer scopes)' })
  @ApiCreatedResponse({ type: ConsentLedgerResponse })
  recordConsent(@CurrentActor() actor: Actor, @WitnessIdParam() id: string, @Body() dto: RecordConsentDto) {
    return this.consent.record(actor, id, dto);
  }

  @Get(':id/consents')
  @RequirePermission(Permission.WitnessRead)
  @ApiOkResponse({ type: ConsentLedgerResponse })
  consentLedger(@CurrentActor() actor: Actor, @WitnessIdParam() id: string) {
    return this.consent.ledger(actor, id);
  }
}
