import { Command } from 'commander';

/**
 * Every `sillok` command by name, each loaded only when it is needed: a command's modules (its
 * libraries, Nest, TypeORM, the PDF and archive packages of the others) cost most of a process's
 * start, so a run loads the one it names, and help or an unknown name loads them all. Each
 * command lives in commands/ and is added here under the name it gives itself.
 */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  migrate: () => import('./commands/migrate.command.js').then((m) => m.migrateCommand()),
  'keys:rotate': () => import('./commands/keys-rotate.command.js').then((m) => m.keysRotateCommand()),
  'user:create': () => import('./commands/user-create.command.js').then((m) => m.userCreateCommand()),
  'user:disable': () => import('./commands/user-disable.command.js').then((m) => m.userDisableCommand()),
  'user:enable': () => import('./commands/user-enable.command.js').then((m) => m.userEnableCommand()),
  'user:reset-password': () =>
    import('./commands/user-reset-password.command.js').then((m) => m.userResetPasswordCommand()),
  'user:break-glass-reset': () =>
    import('./commands/user-break-glass-reset.command.js').then((m) => m.userBreakGlassResetCommand()),
  'user:list': () => import('./commands/user-list.command.js').then((m) => m.userListCommand()),
  'audit:verify': () => import('./commands/audit-verify.command.js').then((m) => m.auditVerifyCommand()),
  'audit:checkpoint': () => import('./commands/audit-checkpoint.command.js').then((m) => m.auditCheckpointCommand()),
  'audit:public-key': () => import('./commands/audit-public-key.command.js').then((m) => m.auditPublicKeyCommand()),
  'fixity:check': () => import('./commands/fixity-check.command.js').then((m) => m.fixityCheckCommand()),
  'objects:sweep': () => import('./commands/objects-sweep.command.js').then((m) => m.objectsSweepCommand()),
  export: () => import('./commands/export.command.js').then((m) => m.exportCommand()),
  'export:purge': () => import('./commands/export-purge.command.js').then((m) => m.exportPurgeCommand()),
  'export:public-key': () => import('./commands/export-public-key.command.js').then((m) => m.exportPublicKeyCommand()),
  verify: () => import('./commands/verify.command.js').then((m) => m.verifyCommand()),
  import: () => import('./commands/import.command.js').then((m) => m.importCommand()),
  'storage:check': () => import('./commands/storage-check.command.js').then((m) => m.storageCheckCommand()),
  smoke: () => import('./commands/smoke.command.js').then((m) => m.smokeCommand()),
  backup: () => import('./commands/backup.command.js').then((m) => m.backupCommand()),
  restore: () => import('./commands/restore.command.js').then((m) => m.restoreCommand()),
};

/** The `sillok` program with every command, or with only `name`'s when that names one. */
export async function buildProgram(name?: string): Promise<Command> {
  const program = new Command('sillok')
    .description('Sillok: testimony and evidence documentation database')
    .version('0.1.0')
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true });
  const wanted = name !== undefined && Object.hasOwn(COMMANDS, name) ? [COMMANDS[name]] : Object.values(COMMANDS);
  // One after another, in this order, as the static imports before them were evaluated.
  for (const load of wanted) program.addCommand(await load());
  return program;
}
