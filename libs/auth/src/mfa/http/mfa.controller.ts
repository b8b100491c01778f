import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthRateLimitGuard } from '../../rate-limit/auth-rate-limit.guard.js';
import { ApiAuthRateLimited } from '../../rate-limit/http/auth-rate-limit.openapi.js';
import { Authenticated, type Actor } from '@sillok/core';
import { AccountSetupRoute } from '../../guards/account-setup-route.decorator.js';
import { CurrentActor } from '../../guards/current-actor.decorator.js';
import { MfaCodeDto } from './mfa-code.dto.js';
import { MfaConfirmationResponse, MfaEnrolmentResponse } from '../mfa.responses.js';
import { MfaService } from '../mfa.service.js';

/** My second factor (TOTP). */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/mfa')
@UseGuards(AuthRateLimitGuard)
@ApiAuthRateLimited()
export class MfaController {
  constructor(private readonly mfa: MfaService) {}

  @Post('enrol')
  @Authenticated()
  @AccountSetupRoute()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Start enrolment: returns the otpauth URI (and secret) for an authenticator app' })
  @ApiOkResponse({ type: MfaEnrolmentResponse })
  @ApiConflictResponse({ description: 'a second factor is already active' })
  enrol(@CurrentActor() actor: Actor) {
    return this.mfa.enrol(actor);
  }

  @Post('confirm')
  @Authenticated()
  @AccountSetupRoute()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Finish enrolment with a first code: returns 10 single-use recovery codes (shown once)',
    description: 'With an enrolment-only token from login, the response also carries the session tokens.',
  })
  @ApiOkResponse({ type: MfaConfirmationResponse })
  @ApiConflictResponse({ description: 'already confirmed, or not enrolled yet' })
  confirm(@CurrentActor() actor: Actor, @Body() body: MfaCodeDto) {
    return this.mfa.confirm(actor, body.code);
  }

  @Post('disable')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove my second factor (a current code is required; refused when my role needs one)' })
  @ApiNoContentResponse({ description: 'the second factor is removed' })
  @ApiConflictResponse({ description: 'no second factor is active' })
  async disable(@CurrentActor() actor: Actor, @Body() body: MfaCodeDto): Promise<void> {
    await this.mfa.disableOwn(actor, body.code);
  }
}
