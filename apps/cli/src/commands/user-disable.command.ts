import { Command } from 'commander';
import { userByEmail, withAccounts } from '../accounts.js';

/** Disables an account: every session ends at once; nothing is deleted. */
export function userDisableCommand(): Command {
  return new Command('user:disable')
    .description('disable an account: it cannot log in and its tokens stop working at once')
    .requiredOption('--email <email>', 'the account')
    .action(async (options: { email: string }) => {
      await withAccounts(async (users) => {
        const user = await users.disable((await userByEmail(users, options.email)).id);
        console.log(`disabled ${user.email}`);
      });
    });
}
