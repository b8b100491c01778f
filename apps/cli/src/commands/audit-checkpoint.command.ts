import { existsSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { AuditCheckpointService, AuditModule } from '@sillok/audit';
import { CliError, withServices } from '../cli-runtime.js';

export function auditCheckpointCommand(): Command {
  return new Command('audit:checkpoint')
    .description('verify the audit chain and write a signed statement of its head, to deposit outside Sillok')
    .option('--out <file>', 'write the checkpoint to this file instead of stdout')
    .action(async (options: { out?: string }) => {
      if (options.out && existsSync(options.out)) throw new CliError(alreadyThere(options.out));
      await withServices([AuditModule], async (context) => {
        const checkpoint = await context.get(AuditCheckpointService).create();
        const text = JSON.stringify(checkpoint, null, 2) + '\n';
        if (!options.out) {
          process.stdout.write(text);
          return;
        }
        writeNewFile(options.out, text);
        console.log(`checkpoint of seq ${checkpoint.statement.headSeq} written to ${options.out}`);
      });
    });
}

/** A deposited checkpoint is evidence: never overwrite one. */
function writeNewFile(file: string, text: string): void {
  try {
    writeFileSync(file, text, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'EEXIST' ? alreadyThere(file) : `cannot write ${file}: ${code}`);
  }
}

function alreadyThere(file: string): string {
  return `${file} exists; checkpoints are never overwritten`;
}
