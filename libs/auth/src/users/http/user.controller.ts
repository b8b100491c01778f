import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { IdParamDto, PageQueryDto, Permission, RequirePermission, type Actor } from '@sillok/core';
import { CurrentActor } from '../../guards/current-actor.decorator.js';
import { ResetRequestResponse } from '../../resets/account-reset.responses.js';
import { AccountResetService, type ResetOutcome } from '../../resets/account-reset.service.js';
import { CreateUserDto } from './create-user.dto.js';
import { UpdateUserDto } from './update-user.dto.js';
import { UserPageResponse, UserResponse, UserWithPasswordResponse } from '../user.responses.js';
import { UserService } from '../user.service.js';

/** Account administration (user.manage). Accounts are disabled, never deleted. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UserController {
  constructor(
    private readonly users: UserService,
    private readonly resets: AccountResetService,
  ) {}

  @Post()
  @RequirePermission(Permission.UserManage)
  @ApiOperation({
    summary: 'Create a user; without a password, a one-time password is returned once',
    description: 'The user must change the password at first login either way.',
  })
  @ApiCreatedResponse({ type: UserWithPasswordResponse })
  @ApiConflictResponse({ description: 'a user with this email already exists' })
  create(@Body() body: CreateUserDto) {
    // A password an administrator chose is known to them: the user replaces it at first login.
    return this.users.create({ ...body, mustChangePassword: true });
  }

  @Get()
  @RequirePermission(Permission.UserManage)
  @ApiOperation({ summary: 'List users' })
  @ApiOkResponse({ type: UserPageResponse })
  list(@Query() query: PageQueryDto) {
    return this.users.list(query);
  }

  @Get(':id')
  @RequirePermission(Permission.UserManage)
  @ApiOkResponse({ type: UserResponse })
  get(@Param() params: IdParamDto) {
    return this.users.get(params.id);
  }

  @Patch(':id')
  @RequirePermission(Permission.UserManage)
  @ApiOperation({ summary: 'Change display name or role (a new role ends the sessions)' })
  @ApiOkResponse({ type: UserResponse })
  @ApiConflictResponse({ description: 'the change would leave no active administrator' })
  update(@Param() params: IdParamDto, @Body() body: UpdateUserDto) {
    return this.users.update(params.id, body);
  }

  @Post(':id/disable')
  @RequirePermission(Permission.UserManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Disable: the user cannot log in and their tokens stop working at once' })
  @ApiOkResponse({ type: UserResponse })
  @ApiConflictResponse({ description: 'your own account, or the last active administrator' })
  disable(@Param() params: IdParamDto, @CurrentActor() actor: Actor) {
    return this.users.disable(params.id, actor);
  }

  @Post(':id/enable')
  @RequirePermission(Permission.UserManage)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: UserResponse })
  enable(@Param() params: IdParamDto) {
    return this.users.enable(params.id);
  }

  @Post(':id/reset-password')
  @RequirePermission(Permission.UserManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'A new one-time password (returned once, to be changed at login); sessions end',
    description:
      'For an account that reads identities or exports, answers 202 with a request that a second administrator approves (POST /account-resets/{id}/approve).',
  })
  @ApiOkResponse({ type: UserWithPasswordResponse })
  @ApiAcceptedResponse({ type: ResetRequestResponse, description: 'waiting for a second administrator' })
  @ApiConflictResponse({ description: 'a reset of this account already waits for a second administrator' })
  async resetPassword(
    @Param() params: IdParamDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answerReset(await this.resets.reset(actor, params.id, 'password'), response, (outcome) => ({
      user: outcome.user,
      temporaryPassword: outcome.temporaryPassword,
    }));
  }

  @Post(':id/mfa/reset')
  @RequirePermission(Permission.UserManage)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Remove the user’s second factor (lost device); sessions end',
    description: 'For an account that reads identities or exports, answers 202 with a request, as reset-password.',
  })
  @ApiNoContentResponse({ description: 'the factor is removed' })
  @ApiAcceptedResponse({ type: ResetRequestResponse, description: 'waiting for a second administrator' })
  @ApiConflictResponse({ description: 'a reset of this account already waits for a second administrator' })
  async resetMfa(
    @Param() params: IdParamDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answerReset(await this.resets.reset(actor, params.id, 'mfa'), response, () => undefined);
  }
}

/** A reset done at once answers as before; one waiting for a second administrator answers 202 with the request. */
function answerReset<T>(
  outcome: ResetOutcome,
  response: Response,
  applied: (outcome: Extract<ResetOutcome, { applied: true }>) => T,
) {
  if (outcome.applied) return applied(outcome);
  response.status(HttpStatus.ACCEPTED);
  return outcome.request;
}
