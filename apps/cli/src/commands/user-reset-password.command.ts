import { Command } from 'commander';
import { printOneTimePassword, userByEmail, withResets } from '../accounts.js';

/**
 * An account that reads identities or exports is refused here: its reset needs a second
 * administrator (the API) or the loud break-glass command (user:break-glass-reset).
 */
export function userResetPasswordCommand(): Command {
  return new Command('user:reset-password')
    .description(
      'give an account a one-time password (printed once); its sessions end. Accounts that read identities or export: see user:break-glass-reset',
    )
    .requiredOption('--email <email>', 'the account')
    .action(async (options: { email: string }) => {
      await withResets(async (resets, users) => {
        const outcome = await resets.reset(undefined, (await userByEmail(users, options.email)).id, 'password');
        if (!outcome.applied) throw new Error('unreachable: the command line never asks a second administrator');
        console.log(`reset the password of ${outcome.user.email}`);
        printOneTimePassword(outcome.temporaryPassword!);
      });
    });
}
