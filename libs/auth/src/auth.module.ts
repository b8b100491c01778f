import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Settings } from '@sillok/config';
import { BrowserSessionController } from './browser-session/http/browser-session.controller.js';
import { AuthenticationGuard } from './guards/authentication.guard.js';
import { PermissionGuard } from './guards/permission.guard.js';
import { PrincipalService } from './guards/principal.service.js';
import { AuthController } from './login/http/auth.controller.js';
import { LocalStrategy } from './login/local.strategy.js';
import { AttemptLedger } from './login/attempt-ledger.js';
import { LoginService } from './login/login.service.js';
import { MfaChallenge } from './mfa/mfa-challenge.entity.js';
import { MfaController } from './mfa/http/mfa.controller.js';
import { MfaPolicy } from './mfa/mfa-policy.js';
import { MfaService } from './mfa/mfa.service.js';
import { RecoveryCode } from './mfa/recovery-code.entity.js';
import { TotpSecretCipher } from './mfa/totp-secret-cipher.js';
import { AuthRateLimitGuard } from './rate-limit/auth-rate-limit.guard.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { RefreshToken } from './sessions/refresh-token.entity.js';
import { Session } from './sessions/session.entity.js';
import { SessionService } from './sessions/session.service.js';
import { AccessTokenService } from './tokens/access-token.service.js';
import { AccountResetRequest } from './resets/account-reset-request.entity.js';
import { AccountResetController } from './resets/http/account-reset.controller.js';
import { AccountResetService } from './resets/account-reset.service.js';
import { ResetConfirmationController } from './resets/http/reset-confirmation.controller.js';
import { AccountController } from './users/http/account.controller.js';
import { User } from './users/user.entity.js';
import { UserController } from './users/http/user.controller.js';
import { UserService } from './users/user.service.js';

/**
 * Accounts, login, sessions, second factor, and the two global guards (authentication,
 * then permission: registered in that order, so Nest runs them in that order).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([User, Session, RefreshToken, RecoveryCode, MfaChallenge, AccountResetRequest]),
    PassportModule,
    // A KeyObject, made once: given the string, jsonwebtoken tries to parse it as a public key on
    // every verification (a thrown exception, then a new secret key: most of a token check's cost).
    JwtModule.registerAsync({
      inject: [Settings],
      useFactory: (settings: Settings) => ({ secret: createSecretKey(Buffer.from(settings.JWT_SECRET, 'utf8')) }),
    }),
  ],
  controllers: [
    AuthController,
    AccountController,
    MfaController,
    UserController,
    BrowserSessionController,
    AccountResetController,
    ResetConfirmationController,
  ],
  providers: [
    PasswordHasher,
    AccessTokenService,
    TotpSecretCipher,
    MfaPolicy,
    UserService,
    SessionService,
    AttemptLedger,
    MfaService,
    AccountResetService,
    LoginService,
    LocalStrategy,
    PrincipalService,
    AuthRateLimitGuard,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
  exports: [UserService, SessionService, MfaService, MfaPolicy, PasswordHasher, LoginService, AccountResetService],
})
export class AuthModule {}
