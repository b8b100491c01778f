import { Command } from 'commander';
import { AuditModule } from '@sillok/audit';
import { EvidenceModule, FixityService, type FixityProgress } from '@sillok/evidence';
import { CliError, withServices } from '../cli-runtime.js';

export function fixityCheckCommand(): Command {
  return new Command('fixity:check')
    .description(
      're-read every stored evidence object and compare its SHA-256 with the database; exit 1 naming any that fail',
    )
    .option('--resume', 'continue the latest run, skipping the attachments it already checked')
    .action(async (options: { resume?: boolean }) => {
      await withServices([AuditModule, EvidenceModule], async (context) => {
        const report = await context.get(FixityService).run({ resume: options.resume, onProgress: progressOnStderr() });
        for (const failure of report.failures) {
          console.log(
            failure.missing
              ? `MISSING  attachment ${failure.attachmentId}: no stored object`
              : `MISMATCH attachment ${failure.attachmentId}: expected sha256 ${failure.expectedSha256} ` +
                  `(${failure.expectedSize} bytes), found ${failure.observedSha256} (${failure.observedSize} bytes)`,
          );
        }
        const what = `fixity run ${report.runId}${report.resumed ? ' (resumed)' : ''}: ${report.checked} checked`;
        if (report.failures.length > 0) {
          const missing = report.failures.filter((f) => f.missing).length;
          throw new CliError(`${what}, ${report.failures.length - missing} mismatched, ${missing} missing`);
        }
        console.log(`${what}, all match`);
      });
    });
}

/** At most one progress line a second. */
function progressOnStderr(): (progress: FixityProgress) => void {
  let shown = Date.now();
  return ({ checked, total, failed }) => {
    const now = Date.now();
    if (now - shown < 1000 && checked < total) return;
    shown = now;
    process.stderr.write(`fixity: ${checked} of ${total} checked, ${failed} failed\n`);
  };
}
