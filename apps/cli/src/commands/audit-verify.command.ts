import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { AuditModule, AuditVerifier, parseCheckpoint, type AuditVerifyProgress } from '@sillok/audit';
import { CliError, withServices } from '../cli-runtime.js';

export function auditVerifyCommand(): Command {
  return new Command('audit:verify')
    .description('recompute the audit hash chain from the first row; exit 1 naming the first broken seq')
    .option('--checkpoint <file>', 'also check the chain against a signed checkpoint (from audit:checkpoint)')
    .action(async (options: { checkpoint?: string }) => {
      const checkpoint = options.checkpoint ? parseCheckpoint(readCheckpoint(options.checkpoint)) : undefined;
      await withServices([AuditModule], async (context) => {
        const result = await context.get(AuditVerifier).verifyAudited({ checkpoint, onProgress: progressOnStderr() });
        if (!result.ok) {
          throw new CliError(`audit chain broken at seq ${result.seq}: ${result.problem} (${result.detail})`);
        }
        const against =
          result.checkpointSeq === undefined ? '' : `, matches the checkpoint at seq ${result.checkpointSeq}`;
        console.log(
          `audit chain OK: ${result.count} rows, head seq ${result.headSeq}, head hash ${result.headHash}${against}`,
        );
      });
    });
}

function readCheckpoint(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read the checkpoint ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

/** At most one progress line a second, and none for a log that verifies within the first second. */
function progressOnStderr(): (progress: AuditVerifyProgress) => void {
  const started = Date.now();
  let shown = started;
  return ({ checked, total }) => {
    const now = Date.now();
    if (now - shown < 1000) return;
    shown = now;
    const rate = Math.round(checked / ((now - started) / 1000));
    process.stderr.write(
      `verified ${checked} of ${total} rows (${Math.floor((checked / total) * 100)}%, ${rate} rows/s)\n`,
    );
  };
}
