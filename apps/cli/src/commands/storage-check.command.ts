import { join } from 'node:path';
import { Command } from 'commander';
import { loadSettings, type Settings } from '@sillok/config';
import { runStorageCheck, storageCheckTarget, STORAGE_CHECK_PREFIX } from '@sillok/evidence';
import { printReportLine } from '../report-line.js';
import { CliError } from '../cli-runtime.js';

/** No database: only the object store the settings configure. */
export function storageCheckCommand(): Command {
  return new Command('storage:check')
    .description(
      `exercise every object-store operation Sillok uses under the scratch prefix ${STORAGE_CHECK_PREFIX}, ` +
        'remove the scratch objects, print one line per operation; exit 1 when a required one fails',
    )
    .action(async () => {
      const settings = loadSettings();
      console.log(`storage check of ${describeStore(settings)}`);
      const target = storageCheckTarget(settings);
      try {
        const report = await runStorageCheck(target, { onResult: printReportLine });
        const failed = report.results.filter((r) => r.required && r.status === 'FAIL').length;
        if (!report.ok) throw new CliError(`storage check failed: ${failed} required operation(s) failed`);
        const warned = report.results.filter((r) => r.status === 'WARN').length;
        console.log(`storage check passed${warned ? ` (${warned} optional operation(s) missing)` : ''}`);
      } finally {
        target.close();
      }
    });
}

/** Where the check runs, without the credentials. */
function describeStore(settings: Settings): string {
  if (settings.OBJECT_STORE === 's3') {
    const scheme = settings.S3_USE_SSL ? 'https' : 'http';
    return `s3 bucket ${settings.S3_BUCKET} at ${scheme}://${settings.S3_ENDPOINT}:${settings.S3_PORT}`;
  }
  return `filesystem store ${join(settings.SILLOK_DATA_DIR, 'objects')}`;
}
