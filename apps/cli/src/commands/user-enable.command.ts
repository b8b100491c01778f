import { Command } from 'commander';
import { userByEmail, withAccounts } from '../accounts.js';

export function userEnableCommand(): Command {
  return new Command('user:enable')
    .description('re-enable a disabled account (and lift a lockout)')
    .requiredOption('--email <email>', 'the account')
    .action(async (options: { email: string }) => {
      await withAccounts(async (users) => {
        const user = await users.enable((await userByEmail(users, options.email)).id);
        console.log(`enabled ${user.email}`);
      });
    });
}
