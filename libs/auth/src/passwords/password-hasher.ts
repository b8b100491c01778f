import { Injectable, type OnModuleInit } from '@nestjs/common';
import { hash, verify, type Options } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

// argon2id (Algorithm.Argon2id; the enum is a const enum, which isolatedModules cannot import),
// with OWASP's recommended minimum: 19 MiB memory, 2 passes, 1 lane.
const ARGON2ID_OPTIONS: Options = {
  algorithm: 2 as Options['algorithm'],
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

/** Hashes and checks passwords with argon2id. */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash = '';

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hash(randomBytes(24).toString('base64url'));
  }

  hash(password: string): Promise<string> {
    return hash(password, ARGON2ID_OPTIONS);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /**
   * Spends the same time as a real check and answers false: used when the account is
   * unknown, locked or disabled, so timing does not tell those apart from a wrong password.
   */
  async verifyNothing(password: string): Promise<false> {
    await this.verify(this.dummyHash || (await this.hash('sillok-dummy-password')), password);
    return false;
  }
}
