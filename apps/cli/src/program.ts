import { Command } from 'commander';
import { keysRotateCommand } from './commands/keys-rotate.command.js';
import { migrateCommand } from './commands/migrate.command.js';

/** Every `sillok` command. Each lives in commands/ and is added here. */
export function buildProgram(): Command {
  const program = new Command('sillok')
    .description('Sillok: testimony and evidence documentation database')
    .version('0.1.0')
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true });
  program.addCommand(migrateCommand());
  program.addCommand(keysRotateCommand());
  return program;
}
