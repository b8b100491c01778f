import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, type Actor } from '@sillok/core';
import { CurrentActor } from '../../guards/current-actor.decorator.js';
import { MfaCodeDto } from '../../mfa/http/mfa-code.dto.js';
import { AuthRateLimitGuard } from '../../rate-limit/auth-rate-limit.guard.js';
import { ApiAuthRateLimited } from '../../rate-limit/http/auth-rate-limit.openapi.js';
import { AccountResetService } from '../account-reset.service.js';

/** The owner of a reset account confirms their second factor: identity reads and exports open again. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/reset')
@UseGuards(AuthRateLimitGuard)
@ApiAuthRateLimited()
export class ResetConfirmationController {
  constructor(private readonly resets: AccountResetService) {}

  @Post('confirm')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Confirm my second factor after a reset of my account (a current code)',
    description: 'A wrong code counts toward the lockout. GET /auth/me shows who reset the account and when.',
  })
  @ApiNoContentResponse({ description: 'confirmed: identity reads and exports are open again' })
  @ApiConflictResponse({ description: 'no reset waits for confirmation, or no second factor is enrolled yet' })
  async confirm(@CurrentActor() actor: Actor, @Body() body: MfaCodeDto): Promise<void> {
    await this.resets.confirm(actor, body.code);
  }
}
