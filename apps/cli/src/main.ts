import 'reflect-metadata';
import { CommanderError } from 'commander';
import { fatalMessage } from '@sillok/core';
import { buildProgram } from './program.js';

// The command named first (when it names one) is the only one loaded: see COMMANDS.
const program = await buildProgram(process.argv[2]);
program.exitOverride();
for (const command of program.commands) command.exitOverride();

program.parseAsync(process.argv).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    process.stderr.write(fatalMessage(error) + '\n');
    process.exit(1);
  },
);
