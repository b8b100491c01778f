import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { AuditModule, AuditVerifier, parseCheckpoint, type AuditVerifyProgress } from '@sillok/audit';
import { CliError, withServices } from '../cli-runtime.js';

export function auditVerifyCommand(): Command {
  return new Command('audit:verify')
    .description('recompute the audit hash chain from the first row; exit 1 naming the first broken seq')
    .option('--checkpoint <file>', 'also check the chain against a signed checkpoint (from audit:checkpoint)')
    .option(
      '--public-key <file>',
      'PEM public key the checkpoint must verify with (from audit:public-key); default: AUDIT_SIGNING_KEY’s',
    )
    .action(async (options: { checkpoint?: string; publicKey?: string }) => {
      const checkpoint = options.checkpoint ? parseCheckpoint(readCheckpoint(options.checkpoint)) : undefined;
      const publicKey = options.publicKey ? readPublicKey(options.publicKey) : undefined;
      await withServices([AuditModule], async (context) => {
        const result = await context
          .get(AuditVerifier)
          .verifyAudited({ checkpoint, publicKey, onProgress: progressOnStderr() });
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

function readPublicKey(file: string): KeyObject {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read the public key ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType === 'ed25519') return key;
  } catch {
    // reported below
  }
  throw new CliError(`${file} is not a PEM Ed25519 public key (make one with sillok audit:public-key)`);
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
