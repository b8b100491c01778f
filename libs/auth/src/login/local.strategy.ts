import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request, Response } from 'express';
import { Passport } from 'passport';
import { Strategy } from 'passport-local';
import type { User } from '../users/user.entity.js';
import { LoginService } from './login.service.js';

const STRATEGY = 'local';
/** Each strategy's own passport, set while the mixin's constructor runs (before any field of ours exists). */
type OwnPassport = InstanceType<typeof Passport>;
const OWN_PASSPORT = new WeakMap<object, OwnPassport>();

/** passport-local: email and password from the body; a failure is the one login 401. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, STRATEGY) {
  constructor(private readonly login: LoginService) {
    super({ usernameField: 'email', passwordField: 'password', session: false });
  }

  validate(email: string, password: string): Promise<User> {
    return this.login.verifyPassword(email, password);
  }

  /**
   * Where the mixin registers this strategy: a passport of this application's own. passport's
   * default instance is one per process, so with two applications in one process (the tests
   * do this) the strategy registered last would check every application's passwords against
   * its own database, or a closed one.
   */
  getPassportInstance(): OwnPassport {
    const own = OWN_PASSPORT.get(this) ?? new Passport();
    OWN_PASSPORT.set(this, own);
    return own;
  }

  /**
   * The account whose email and password the request carries; false when passport-local finds
   * none. (Not `authenticate`: that is the passport strategy's own method, which this runs.)
   */
  accountFrom(request: Request, response: Response): Promise<User | false> {
    return new Promise((resolve, reject) => {
      const callback = (error: unknown, user: User | false) => (error ? reject(error) : resolve(user));
      this.getPassportInstance().authenticate(STRATEGY, { session: false }, callback)(request, response, reject);
    });
  }
}
