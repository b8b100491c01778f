import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AuthRateLimitGuard } from '../../rate-limit/auth-rate-limit.guard.js';
import { ApiAuthRateLimited } from '../../rate-limit/http/auth-rate-limit.openapi.js';
import type { Request } from 'express';
import { Authenticated, IdParamDto, Public, type Actor } from '@sillok/core';
import { AccountSetupRoute } from '../../guards/account-setup-route.decorator.js';
import { CurrentActor } from '../../guards/current-actor.decorator.js';
import { SessionService } from '../../sessions/session.service.js';
import type { User } from '../../users/user.entity.js';
import { LoginMfaDto } from './login-mfa.dto.js';
import { LoginDto } from './login.dto.js';
import { RefreshDto } from './refresh.dto.js';
import { LocalLoginGuard } from '../local-login.guard.js';
import {
  LOGIN_RESPONSE_MODELS,
  LOGIN_RESPONSE_SCHEMA,
  RevokedSessionsResponse,
  SessionResponse,
  TokenPairResponse,
} from '../login.responses.js';
import { LoginService } from '../login.service.js';

/** Login, the second step, token refresh, logout and one's own sessions. Rate limited per client address. */
@ApiTags('auth')
@Controller('auth')
@UseGuards(AuthRateLimitGuard)
@ApiAuthRateLimited()
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly sessions: SessionService,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(LocalLoginGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Step one: email and password',
    description:
      'Returns tokens (status "authenticated"), or an mfaToken for POST /auth/login/mfa (status "mfa_required"), ' +
      'or an enrolment-only token when the role needs a second factor not yet set up (status "mfa_enrolment_required").',
  })
  @ApiExtraModels(...LOGIN_RESPONSE_MODELS)
  @ApiOkResponse({ schema: LOGIN_RESPONSE_SCHEMA })
  @ApiUnauthorizedResponse({ description: 'the email or password is wrong, or the account is locked for a while' })
  loginWithPassword(@Body() _credentials: LoginDto, @Req() request: Request & { user: User }) {
    return this.login.begin(request.user);
  }

  @Post('login/mfa')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Step two: the authenticator code (or a recovery code) for the mfaToken of step one' })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiUnauthorizedResponse({ description: 'the code is wrong or the login attempt has expired' })
  loginWithSecondFactor(@Body() body: LoginMfaDto) {
    return this.login.completeMfa(body.mfaToken, body.code);
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'A new token pair for a refresh token (single use; reuse ends the session)' })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiUnauthorizedResponse({ description: 'the refresh token is invalid, expired or revoked' })
  refresh(@Body() body: RefreshDto) {
    return this.sessions.refresh(body.refreshToken);
  }

  @Post('logout')
  @Authenticated()
  @AccountSetupRoute()
  @ApiBearerAuth()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Ends the current session' })
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.sessions.logout(actor);
  }

  @Get('sessions')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'My live sessions' })
  @ApiOkResponse({ type: [SessionResponse] })
  listSessions(@CurrentActor() actor: Actor) {
    return this.sessions.listOwn(actor);
  }

  @Post('sessions/:id/revoke')
  @Authenticated()
  @ApiBearerAuth()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Ends one of my sessions' })
  async revokeSession(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<void> {
    await this.sessions.revokeOwn(actor, params.id);
  }

  @Post('sessions/revoke-others')
  @Authenticated()
  @ApiBearerAuth()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Ends all my sessions except this one' })
  @ApiOkResponse({ type: RevokedSessionsResponse })
  async revokeOtherSessions(@CurrentActor() actor: Actor) {
    return { revoked: await this.sessions.revokeOtherOwn(actor) };
  }
}
