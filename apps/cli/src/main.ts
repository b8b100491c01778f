import 'reflect-metadata';
import { CommanderError } from 'commander';
import { fatalMessage } from '@sillok/core';
import { buildProgram } from './program.js';

const program = buildProgram();
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
