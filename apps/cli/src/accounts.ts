import { createInterface } from 'node:readline';
import { AuditModule } from '@sillok/audit';
import { AccountResetService, AuthModule, isRole, ROLES, UserService, type Role, type User } from '@sillok/auth';
import { CliError, withServices } from './cli-runtime.js';

/** Runs `work` with the account services (and the audit trail they write to). */
export function withAccounts<T>(work: (users: UserService) => Promise<T>): Promise<T> {
  return withServices([AuditModule, AuthModule], (context) => work(context.get(UserService)));
}

/** Runs `work` with the reset service (sillok user:reset-password, user:break-glass-reset). */
export function withResets<T>(work: (resets: AccountResetService, users: UserService) => Promise<T>): Promise<T> {
  return withServices([AuditModule, AuthModule], (context) =>
    work(context.get(AccountResetService), context.get(UserService)),
  );
}

export async function userByEmail(users: UserService, email: string): Promise<User> {
  const user = await users.findByEmail(email);
  if (!user) throw new CliError(`no user with the email ${email}`);
  return user;
}

export function parseRole(value: string): Role {
  if (!isRole(value)) throw new CliError(`--role must be one of ${ROLES.join(', ')}`);
  return value;
}

export function printOneTimePassword(password: string): void {
  console.log(`one-time password (shown only now; it must be changed at first login): ${password}`);
}

/** Everything on stdin, without the final line break (for --password-stdin). */
export async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, '');
}

/** Asks for a password on the terminal without echoing it. */
export async function promptHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  process.stdout.write(question);
  // readline echoes what is typed through this method; silence it while the password is typed.
  (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => undefined;
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stdout.write('\n');
  }
}
