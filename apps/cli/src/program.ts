import { Command } from 'commander';
import { keysRotateCommand } from './commands/keys-rotate.command.js';
import { auditCheckpointCommand } from './commands/audit-checkpoint.command.js';
import { auditPublicKeyCommand } from './commands/audit-public-key.command.js';
import { auditVerifyCommand } from './commands/audit-verify.command.js';
import { fixityCheckCommand } from './commands/fixity-check.command.js';
import { objectsSweepCommand } from './commands/objects-sweep.command.js';
import { importCommand } from './commands/import.command.js';
import { migrateCommand } from './commands/migrate.command.js';
import { userCreateCommand } from './commands/user-create.command.js';
import { userListCommand } from './commands/user-list.command.js';
import { userResetPasswordCommand } from './commands/user-reset-password.command.js';
import { userBreakGlassResetCommand } from './commands/user-break-glass-reset.command.js';
import { userDisableCommand } from './commands/user-disable.command.js';
import { userEnableCommand } from './commands/user-enable.command.js';
import { exportCommand } from './commands/export.command.js';
import { exportPurgeCommand } from './commands/export-purge.command.js';
import { exportPublicKeyCommand } from './commands/export-public-key.command.js';
import { verifyCommand } from './commands/verify.command.js';
import { storageCheckCommand } from './commands/storage-check.command.js';
import { smokeCommand } from './commands/smoke.command.js';
import { backupCommand } from './commands/backup.command.js';
import { restoreCommand } from './commands/restore.command.js';

/** Every `sillok` command. Each lives in commands/ and is added here. */
export function buildProgram(): Command {
  const program = new Command('sillok')
    .description('Sillok: testimony and evidence documentation database')
    .version('0.1.0')
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true });
  program.addCommand(migrateCommand());
  program.addCommand(keysRotateCommand());
  program.addCommand(userCreateCommand());
  program.addCommand(userDisableCommand());
  program.addCommand(userEnableCommand());
  program.addCommand(userResetPasswordCommand());
  program.addCommand(userBreakGlassResetCommand());
  program.addCommand(userListCommand());
  program.addCommand(auditVerifyCommand());
  program.addCommand(auditCheckpointCommand());
  program.addCommand(auditPublicKeyCommand());
  program.addCommand(fixityCheckCommand());
  program.addCommand(objectsSweepCommand());
  program.addCommand(exportCommand());
  program.addCommand(exportPurgeCommand());
  program.addCommand(exportPublicKeyCommand());
  program.addCommand(verifyCommand());
  program.addCommand(importCommand());
  program.addCommand(storageCheckCommand());
  program.addCommand(smokeCommand());
  program.addCommand(backupCommand());
  program.addCommand(restoreCommand());
  return program;
}
