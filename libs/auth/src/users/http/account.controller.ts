import { Body, Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthRateLimitGuard } from '../../rate-limit/auth-rate-limit.guard.js';
import { ApiAuthRateLimited } from '../../rate-limit/http/auth-rate-limit.openapi.js';
import { Authenticated, type Actor } from '@sillok/core';
import { AccountSetupRoute } from '../../guards/account-setup-route.decorator.js';
import { CurrentActor } from '../../guards/current-actor.decorator.js';
import { ChangePasswordDto } from './change-password.dto.js';
import { SelfResponse } from '../user.responses.js';
import { AccountResetService } from '../../resets/account-reset.service.js';
import { UserService } from '../user.service.js';

/** The caller's own account. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
@UseGuards(AuthRateLimitGuard)
@ApiAuthRateLimited()
export class AccountController {
  constructor(
    private readonly users: UserService,
    private readonly resets: AccountResetService,
  ) {}

  @Get('me')
  @Authenticated()
  @AccountSetupRoute()
  @ApiOperation({ summary: 'My account, role and permissions, and who last reset it (and when)' })
  @ApiOkResponse({ type: SelfResponse })
  async me(@CurrentActor() actor: Actor) {
    const lastReset = await this.resets.noticeFor(await this.users.find(actor.userId));
    return { ...(await this.users.describeSelf(actor)), lastReset };
  }

  @Post('password')
  @Authenticated()
  @AccountSetupRoute()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Change my password (the current one is required); my other sessions end' })
  async changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<void> {
    await this.users.changeOwnPassword(actor, body.currentPassword, body.newPassword);
  }
}
