import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Settings } from '@sillok/config';
import { Authenticated, DomainError, ErrorCode, Public, type Actor } from '@sillok/core';
import { AccountSetupRoute } from '../../guards/account-setup-route.decorator.js';
import { CurrentActor } from '../../guards/current-actor.decorator.js';
import { LoginMfaDto } from '../../login/http/login-mfa.dto.js';
import { MfaCodeDto } from '../../mfa/http/mfa-code.dto.js';
import { MfaService } from '../../mfa/mfa.service.js';
import { LoginDto } from '../../login/http/login.dto.js';
import { LocalLoginGuard } from '../../login/local-login.guard.js';
import { LoginService } from '../../login/login.service.js';
import { AuthRateLimitGuard } from '../../rate-limit/auth-rate-limit.guard.js';
import { SessionService } from '../../sessions/session.service.js';
import type { User } from '../../users/user.entity.js';
import {
  BROWSER_LOGIN_RESPONSE_MODELS,
  BROWSER_LOGIN_RESPONSE_SCHEMA,
  BrowserEnrolmentResponse,
  BrowserSessionResponse,
} from '../browser-session.responses.js';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from '../refresh-cookie.js';
import { SameOriginGuard } from '../same-origin.guard.js';
import type { TokenPairResponse } from '../../login/login.responses.js';

/**
 * The same login, second step, refresh and logout as /auth, for the web client: the refresh
 * token travels only in an HttpOnly cookie scoped to these routes, and the access token in the
 * body is kept in memory by the client. CSRF: SameSite=Strict plus an Origin check on every route.
 */
@ApiTags('auth')
@Controller('auth/browser')
@UseGuards(AuthRateLimitGuard, SameOriginGuard)
@ApiForbiddenResponse({ description: 'the request does not come from this site (Origin check against CSRF)' })
@ApiUnauthorizedResponse({ description: 'wrong credentials or code, or no valid refresh cookie' })
@ApiTooManyRequestsResponse({ description: 'too many requests to /auth from this address' })
export class BrowserSessionController {
  constructor(
    private readonly login: LoginService,
    private readonly sessions: SessionService,
    private readonly settings: Settings,
    private readonly mfa: MfaService,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(LocalLoginGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Browser login, step one: as POST /auth/login, the refresh token set as a cookie' })
  @ApiExtraModels(...BROWSER_LOGIN_RESPONSE_MODELS)
  @ApiOkResponse({ schema: BROWSER_LOGIN_RESPONSE_SCHEMA })
  async loginWithPassword(
    @Body() _credentials: LoginDto,
    @Req() request: Request & { user: User },
    @Res({ passthrough: true }) response: Response,
  ) {
    const outcome = await this.login.begin(request.user);
    return outcome.status === 'authenticated' ? this.keepRefreshInCookie(outcome, response) : outcome;
  }

  @Post('login/mfa')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Browser login, step two: the authenticator or recovery code' })
  @ApiOkResponse({ type: BrowserSessionResponse })
  async loginWithSecondFactor(@Body() body: LoginMfaDto, @Res({ passthrough: true }) response: Response) {
    return this.keepRefreshInCookie(await this.login.completeMfa(body.mfaToken, body.code), response);
  }

  /**
   * A role that must have a second factor, signing in before it has one, gets an enrolment-only
   * token from step one; with it the browser starts enrolment (POST /auth/mfa/enrol) and finishes
   * here: the first code confirms the factor and starts the session, its refresh token in the cookie.
   */
  @Post('login/enrol')
  @Authenticated()
  @AccountSetupRoute()
  @ApiBearerAuth()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Browser login at first enrolment: the first authenticator code, sent with the enrolment-only token',
    description:
      'Confirms the second factor like POST /auth/mfa/confirm; the session refresh token goes into the cookie',
  })
  @ApiOkResponse({ type: BrowserEnrolmentResponse })
  @ApiConflictResponse({ description: 'not an enrolment-only token, already confirmed, or not enrolled yet' })
  async loginWithEnrolment(
    @CurrentActor() actor: Actor,
    @Body() body: MfaCodeDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BrowserEnrolmentResponse> {
    if (actor.sessionId)
      throw new DomainError(ErrorCode.Conflict, 'already signed in: confirm with POST /auth/mfa/confirm');
    const confirmed = await this.mfa.confirm(actor, body.code);
    if (!confirmed.tokens) throw new DomainError(ErrorCode.Conflict, 'not an enrolment-only token');
    return { recoveryCodes: confirmed.recoveryCodes, session: this.keepRefreshInCookie(confirmed.tokens, response) };
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'A new access token for the refresh cookie (which is rotated)' })
  @ApiOkResponse({ type: BrowserSessionResponse })
  async refresh(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const presented = readRefreshCookie(request);
    if (!presented) throw new DomainError(ErrorCode.Unauthenticated, 'no browser session');
    try {
      return this.keepRefreshInCookie(await this.sessions.refresh(presented), response);
    } catch (error) {
      clearRefreshCookie(response);
      throw error;
    }
  }

  @Post('logout')
  @Authenticated()
  @AccountSetupRoute()
  @ApiBearerAuth()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Ends the current session and removes the refresh cookie' })
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response): Promise<void> {
    clearRefreshCookie(response);
    await this.sessions.logout(actor);
  }

  private keepRefreshInCookie(pair: TokenPairResponse, response: Response): BrowserSessionResponse {
    setRefreshCookie(response, pair.refreshToken, pair.refreshExpiresAt);
    return {
      status: pair.status,
      tokenType: pair.tokenType,
      accessToken: pair.accessToken,
      expiresIn: pair.expiresIn,
      sessionId: pair.sessionId,
      mustChangePassword: pair.mustChangePassword,
      idleTimeoutMinutes: this.settings.BROWSER_IDLE_TIMEOUT_MINUTES,
    };
  }
}
