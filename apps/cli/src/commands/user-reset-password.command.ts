import { Command } from 'commander';
import { printOneTimePassword, userByEmail, withAccounts } from '../accounts.js';

export function userResetPasswordCommand(): Command {
  return new Command('user:reset-password')
    .description('give an account a one-time password (printed once); its sessions end')
    .requiredOption('--email <email>', 'the account')
    .action(async (options: { email: string }) => {
      await withAccounts(async (users) => {
        const { user, temporaryPassword } = await users.resetPassword((await userByEmail(users, options.email)).id);
        console.log(`reset the password of ${user.email}`);
        printOneTimePassword(temporaryPassword!);
      });
    });
}
