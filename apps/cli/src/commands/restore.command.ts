import { Command } from 'commander';
import { AuditAction } from '@sillok/audit';
import { createObjectStore } from '@sillok/evidence';
import { withDatabase } from '../cli-runtime.js';
import { auditBackup } from '../backup/backup-audit.js';
import { restoreBackup } from '../backup/restore-backup.js';

export function restoreCommand(): Command {
  return new Command('restore')
    .description(
      'restore a `sillok backup` directory into an empty database and object store, after checking every ' +
        'file against its manifest (nothing is written if one differs)',
    )
    .argument('<dir>', 'the backup directory')
    .option('--pg-bin <dir>', "directory of pg_restore (the dump's major version or newer); default: PATH")
    .action(async (dir: string, options: { pgBin?: string }) => {
      const manifest = await withDatabase(async ({ settings, database }) => {
        const store = await createObjectStore(settings);
        return restoreBackup(dir, { databaseUrl: database.url, store, pgTools: { binDir: options.pgBin } });
      });
      // Into the restored database, once its tables exist again.
      await auditBackup(AuditAction.BackupRestore, dir, manifest);
      console.log(`restored the database and ${manifest.objects.length} objects from ${dir} (${manifest.createdAt})`);
      if (manifest.identityKeyIds.length)
        console.log(
          `the API starts only with IDENTITY_ENCRYPTION_KEYS holding keys ${manifest.identityKeyIds.join(', ')} ` +
            `(they are not in the backup); then run \`sillok audit:verify\` and \`sillok fixity:check\``,
        );
    });
}
