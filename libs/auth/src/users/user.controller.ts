import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { IdParamDto, PageQueryDto, Permission, RequirePermission, type Actor } from '@sillok/core';
import { CurrentActor } from '../guards/current-actor.decorator.js';
import { MfaService } from '../mfa/mfa.service.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { UserPageResponse, UserResponse, UserWithPasswordResponse } from './user.responses.js';
import { UserService } from './user.service.js';

/** Account administration (user.manage). Accounts are disabled, never deleted. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UserController {
  constructor(
    private readonly users: UserService,
    private readonly mfa: MfaService,
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
  @ApiOperation({ summary: 'A new one-time password (returned once, to be changed at login); sessions end' })
  @ApiOkResponse({ type: UserWithPasswordResponse })
  resetPassword(@Param() params: IdParamDto) {
    return this.users.resetPassword(params.id);
  }

  @Post(':id/mfa/reset')
  @RequirePermission(Permission.UserManage)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove the user’s second factor (lost device); sessions end' })
  async resetMfa(@Param() params: IdParamDto): Promise<void> {
    await this.mfa.resetFor(params.id);
  }
}
