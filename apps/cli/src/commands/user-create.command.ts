import { Command } from 'commander';
import { CliError } from '../cli-runtime.js';
import { parseRole, printOneTimePassword, promptHidden, readStdin, withAccounts } from '../accounts.js';

interface Options {
  email: string;
  name: string;
  role: string;
  passwordStdin?: boolean;
}

/**
 * Creates an account. The password comes from stdin (--password-stdin), or is asked for on
 * a terminal; otherwise a one-time password is generated, printed once, and must be changed.
 */
export function userCreateCommand(): Command {
  return new Command('user:create')
    .description('create a user account (the first one: --role admin)')
    .requiredOption('--email <email>', 'login email (unique, case-insensitive)')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role>', 'admin, coordinator, investigator, analyst, legal_reviewer or auditor')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (options: Options) => {
      const role = parseRole(options.role);
      const password = await choosePassword(options);
      await withAccounts(async (users) => {
        const { user, temporaryPassword } = await users.create({
          email: options.email,
          displayName: options.name,
          role,
          password,
        });
        console.log(`created ${user.role} ${user.email} (${user.id})`);
        if (temporaryPassword) printOneTimePassword(temporaryPassword);
      });
    });
}

async function choosePassword(options: Options): Promise<string | undefined> {
  if (options.passwordStdin) return readStdin();
  if (!process.stdin.isTTY) return undefined;
  const password = await promptHidden(`password for ${options.email} (empty: generate a one-time password): `);
  if (!password) return undefined;
  if ((await promptHidden('repeat the password: ')) !== password) throw new CliError('the passwords differ');
  return password;
}
