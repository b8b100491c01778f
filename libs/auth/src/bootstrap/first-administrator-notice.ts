import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { UserService } from '../users/user.service.js';

export const FIRST_ADMINISTRATOR_HINT =
  'no user accounts exist yet: create the first administrator with ' +
  '`npx sillok user:create --role admin --email you@example.org --name "Your Name"`';

/** On a fresh install, says in one line how to create the first administrator. */
@Injectable()
export class FirstAdministratorNotice implements OnApplicationBootstrap {
  private readonly logger = new Logger('Accounts');

  constructor(private readonly users: UserService) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.users.count()) === 0) this.logger.warn(FIRST_ADMINISTRATOR_HINT);
  }
}
