import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParamDto, PageQueryDto, Permission, RequirePermission, type Actor } from '@sillok/core';
import { CurrentActor } from '../../guards/current-actor.decorator.js';
import { ResetDecisionResponse, ResetRequestPageResponse, ResetRequestResponse } from '../account-reset.responses.js';
import { AccountResetService } from '../account-reset.service.js';

/**
 * Two-person resets: a reset of an account that reads identities or exports waits here until a
 * second administrator approves it (POST /users/:id/reset-password and /users/:id/mfa/reset ask).
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('account-resets')
export class AccountResetController {
  constructor(private readonly resets: AccountResetService) {}

  @Get()
  @RequirePermission(Permission.UserManage)
  @ApiOperation({ summary: 'Reset requests waiting for a second administrator (not expired), oldest first' })
  @ApiOkResponse({ type: ResetRequestPageResponse })
  list(@Query() query: PageQueryDto) {
    return this.resets.listPending(query);
  }

  @Get(':id')
  @RequirePermission(Permission.UserManage)
  @ApiOkResponse({ type: ResetRequestResponse })
  get(@Param() params: IdParamDto) {
    return this.resets.get(params.id);
  }

  @Post(':id/approve')
  @RequirePermission(Permission.UserManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Approve a reset another administrator asked for: it takes effect now',
    description:
      'A password reset returns the one-time password once. 403 for the administrator who asked (or the account itself).',
  })
  @ApiOkResponse({ type: ResetDecisionResponse })
  @ApiConflictResponse({ description: 'the request is already decided or has expired' })
  approve(@Param() params: IdParamDto, @CurrentActor() actor: Actor) {
    return this.resets.decide(actor, params.id, 'approve');
  }

  @Post(':id/reject')
  @RequirePermission(Permission.UserManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reject a reset request (the administrator who asked may withdraw it)' })
  @ApiOkResponse({ type: ResetDecisionResponse })
  @ApiConflictResponse({ description: 'the request is already decided or has expired' })
  reject(@Param() params: IdParamDto, @CurrentActor() actor: Actor) {
    return this.resets.decide(actor, params.id, 'reject');
  }
}
