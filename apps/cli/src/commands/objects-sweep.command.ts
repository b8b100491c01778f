import { Command, InvalidArgumentError } from 'commander';
import { AuditModule } from '@sillok/audit';
import { EvidenceModule, SweepRunner } from '@sillok/evidence';
import { ExportsModule } from '@sillok/exports';
import { CliError, withServices } from '../cli-runtime.js';

export function objectsSweepCommand(): Command {
  return new Command('objects:sweep')
    .description(
      'remove what killed uploads and exports left in the object store (partial writes, objects no record ' +
        'refers to) once older than OBJECT_SWEEP_GRACE_HOURS; each removal is an object.sweep audit event',
    )
    .option('--dry-run', 'list what would be removed, remove nothing')
    .option('--grace-hours <hours>', 'keep anything younger than this (default OBJECT_SWEEP_GRACE_HOURS)', hours)
    .action(async (options: { dryRun?: boolean; graceHours?: number }) => {
      // ExportsModule registers the bags its rows refer to: without it the sweep would refuse.
      await withServices([AuditModule, EvidenceModule, ExportsModule], async (context) => {
        const outcome = await context.get(SweepRunner).run(options);
        if (!outcome.ran) throw new CliError('another process is sweeping the object store now; try again later');
        const report = outcome.result;
        for (const key of report.unreferencedKeys) console.log(`UNREFERENCED ${key}`);
        const verb = options.dryRun ? 'would remove' : 'removed';
        console.log(
          `${verb} ${report.temporaryRemoved} partial writes and ${report.unreferencedRemoved} unreferenced ` +
            `objects (${report.bytesFreed} bytes); kept ${report.keptInGrace} younger than the grace period`,
        );
      });
    });
}

function hours(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new InvalidArgumentError('must be a number of hours, 0 or more');
  return parsed;
}
