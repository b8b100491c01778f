import { Command } from 'commander';
import { AuditModule } from '@sillok/audit';
import { EvidenceModule, FixityService, ObjectSweeper, type FixityProgress } from '@sillok/evidence';
import { ExportsModule } from '@sillok/exports';
import { CliError, withServices } from '../cli-runtime.js';

export function fixityCheckCommand(): Command {
  return new Command('fixity:check')
    .description(
      're-read every stored evidence object and compare its SHA-256 with the database; exit 1 naming any that fail; ' +
        'also list stored objects that no record refers to (UNREFERENCED; objects:sweep removes them)',
    )
    .option('--resume', 'continue the latest run, skipping the attachments it already checked')
    .action(async (options: { resume?: boolean }) => {
      // ExportsModule names the bags its rows keep, so they are not reported as unreferenced.
      await withServices([AuditModule, EvidenceModule, ExportsModule], async (context) => {
        const report = await context.get(FixityService).run({ resume: options.resume, onProgress: progressOnStderr() });
        const unreferenced = await context.get(ObjectSweeper).sweep({ graceMs: 0, dryRun: true });
        for (const key of unreferenced.unreferencedKeys) console.log(`UNREFERENCED ${key}: no record refers to it`);
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
