import { userInfo } from 'node:os';
import { Command, Option } from 'commander';
import type { ResetKind } from '@sillok/auth';
import { printOneTimePassword, userByEmail, withResets } from '../accounts.js';

/**
 * Break-glass (issue 23): resets any account at once, without a second administrator, for an
 * organisation left with one. It needs the server (database credentials and keys), writes a
 * `user.reset.break_glass` audit row with the operator and reason, is shown to the account's
 * owner at GET /auth/me, and holds identity reads and exports until the owner confirms a factor.
 */
export function userBreakGlassResetCommand(): Command {
  return new Command('user:break-glass-reset')
    .description(
      'reset the password or second factor of any account without a second administrator (only one left); loudly audited, shown to the account, identity reads and exports held until its owner confirms a factor',
    )
    .requiredOption('--email <email>', 'the account')
    .addOption(new Option('--kind <kind>', 'what to reset').choices(['password', 'mfa']).makeOptionMandatory())
    .requiredOption('--reason <text>', 'why no second administrator could approve (stored in the audit row)')
    .action(async (options: { email: string; kind: ResetKind; reason: string }) => {
      await withResets(async (resets, users) => {
        const user = await userByEmail(users, options.email);
        const done = await resets.breakGlass(user.id, options.kind, options.reason, operatorName());
        console.error(`BREAK-GLASS: ${options.kind} reset of ${done.user.email} recorded in the audit log`);
        console.log(`reset the ${options.kind === 'mfa' ? 'second factor' : 'password'} of ${done.user.email}`);
        if (done.temporaryPassword) printOneTimePassword(done.temporaryPassword);
      });
    });
}

/** The operating-system account that ran the command (audit detail); a container may have none. */
function operatorName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
